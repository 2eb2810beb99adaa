<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>About</name>
    <message>
      <source>About Exchange SE Planner</source>
      <translation>Über Exchange SE Planner</translation>
    </message>
    <message>
      <source>Knowledge base as of</source>
      <translation>Wissensbasis mit Stand</translation>
    </message>
    <message>
      <source>Customer data never leaves this computer.</source>
      <translation>Kundendaten verlassen diesen Computer nie.</translation>
    </message>
  </context>
  <context>
    <name>BugDialog</name>
    <message>
      <source>Something went wrong</source>
      <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
      <source>The planner ran into a bug. Your work is kept; the details are in the log file.</source>
      <translation>Der Planer ist auf einen Fehler im Programm gestoßen. Ihre Arbeit bleibt erhalten; die Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
      <source>&amp;Copy details</source>
      <translation>Details &amp;kopieren</translation>
    </message>
  </context>
  <context>
    <name>CalendarPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="229" />
      <source>From</source>
      <translation>Von</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="229" />
      <source>To</source>
      <translation>Bis</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="229" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="235" />
      <source>Mon</source>
      <translation>Mo</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="235" />
      <source>Tue</source>
      <translation>Di</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="235" />
      <source>Wed</source>
      <translation>Mi</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="235" />
      <source>Thu</source>
      <translation>Do</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="236" />
      <source>Fri</source>
      <translation>Fr</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="236" />
      <source>Sat</source>
      <translation>Sa</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="236" />
      <source>Sun</source>
      <translation>So</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="251" />
      <source>Change freezes (no step runs on these days):</source>
      <translation>Change-Freezes (an diesen Tagen läuft kein Schritt):</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="253" />
      <source>Maintenance windows (steps that need downtime run only on these weekdays):</source>
      <translation>Wartungsfenster (Schritte mit Ausfallzeit laufen nur an diesen Wochentagen):</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="263" />
      <source>A freeze ends before it starts: {name}</source>
      <translation>Ein Freeze endet vor seinem Beginn: {name}</translation>
    </message>
  </context>
  <context>
    <name>CompareModel</name>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="67" />
      <source>Finish</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="68" />
      <source>Blocked days</source>
      <translation>Blockierte Tage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="69" />
      <source>Throttled days</source>
      <translation>Gedrosselte Tage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="70" />
      <source>Pause days</source>
      <translation>Pausentage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="71" />
      <source>Consultant days</source>
      <translation>Beratertage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="72" />
      <source>Steps</source>
      <translation>Schritte</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="73" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="123" />
      <source>planning…</source>
      <translation>plane …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="135" />
      <source>proven optimal</source>
      <translation>nachweislich optimal</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="135" />
      <source>good, not proven</source>
      <translation>gut, nicht bewiesen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="136" />
      <source>infeasible</source>
      <translation>nicht lösbar</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="137" />
      <source>not scheduled</source>
      <translation>nicht terminiert</translation>
    </message>
  </context>
  <context>
    <name>ConsultantsPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="278" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="278" />
      <source>Days per week</source>
      <translation>Tage pro Woche</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="278" />
      <source>Absences</source>
      <translation>Abwesenheiten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="279" />
      <source>Consultant</source>
      <translation>Berater</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="281" />
      <source>Absences: ranges like 2026-04-01..2026-04-10 or 24.12.2026, separated by ';'</source>
      <translation>Abwesenheiten: Zeiträume wie 2026-04-01..2026-04-10 oder 24.12.2026, getrennt durch ';'</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="285" />
      <source>Absences: ranges like 2026-04-01..2026-04-10, separated by ';'.</source>
      <translation>Abwesenheiten: Zeiträume wie 2026-04-01..2026-04-10, getrennt durch ';'.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="298" />
      <source>Absence of {name} not understood: {text}</source>
      <translation>Abwesenheit von {name} nicht verstanden: {text}</translation>
    </message>
    <message>
      <source>An absence of {name} lasts more than {days} days: {text}</source>
      <translation>Eine Abwesenheit von {name} dauert länger als {days} Tage: {text}</translation>
    </message>
    <message>
      <source>An absence of {name} ends before it starts: {text}</source>
      <translation>Eine Abwesenheit von {name} endet, bevor sie beginnt: {text}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="302" />
      <source>At least one consultant is needed.</source>
      <translation>Mindestens ein Berater wird benötigt.</translation>
    </message>
  </context>
  <context>
    <name>Document</name>
    <message>
      <location filename="../../planner/gui/document.py" line="343" />
      <source>Planning…</source>
      <translation>Plane …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/document.py" line="399" />
      <source>Improving the plan…</source>
      <translation>Verbessere den Plan …</translation>
    </message>
  </context>
  <context>
    <name>DurationsPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="172" />
      <source>Step kind</source>
      <translation>Schrittart</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="172" />
      <source>Default</source>
      <translation>Standard</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="173" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="173" />
      <source>Your value</source>
      <translation>Ihr Wert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="193" />
      <source>knowledge base default</source>
      <translation>Standard der Wissensbasis</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="196" />
      <source>Mailbox move throughput</source>
      <translation>Durchsatz der Postfachverschiebungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="198" />
      <source>Working days per step (empty = the default):</source>
      <translation>Arbeitstage pro Schritt (leer = Standard):</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="216" />
      <source>Duration of {kind} is not a number: {text}</source>
      <translation>Dauer von {kind} ist keine Zahl: {text}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="219" />
      <source>Duration of {kind} must be positive.</source>
      <translation>Dauer von {kind} muss positiv sein.</translation>
    </message>
  </context>
  <context>
    <name>EditableTable</name>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="112" />
      <source>Add</source>
      <translation>Hinzufügen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="114" />
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
  </context>
  <context>
    <name>EnforcementPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="48" />
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="48" />
      <source>Pause days used</source>
      <translation>Verbrauchte Pausentage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="53" />
      <source>Plan pauses where they help</source>
      <translation>Pausen einplanen, wo sie helfen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="54" />
      <source>No pause</source>
      <translation>Keine Pause</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="55" />
      <source>Only these pauses</source>
      <translation>Nur diese Pausen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="56" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="56" />
      <source>Days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="68" />
      <source>Pauses</source>
      <translation>Pausen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="70" />
      <source>Pause days already used</source>
      <translation>Bereits verbrauchte Pausentage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="71" />
      <source>Pauses in this plan</source>
      <translation>Pausen in diesem Plan</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="74" />
      <source>First detected by Exchange Online (from Get-OnPremServerReportInfo), when known</source>
      <translation>Erstmals von Exchange Online erkannt (aus Get-OnPremServerReportInfo), falls bekannt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="86" />
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="86" />
      <source>First detected</source>
      <translation>Erstmals erkannt</translation>
    </message>
  </context>
  <context>
    <name>EnforcementView</name>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="75" />
      <source>Copy commands</source>
      <translation>Befehle kopieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="83" />
      <source>Objective</source>
      <translation>Zielwerte</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="85" />
      <source>Enforcement stage per judged server</source>
      <translation>Durchsetzungsstufe je bewertetem Server</translation>
    </message>
    <message>
      <source>Enforcement stage per judged server since first detection (hatched: before the plan start; black line: leaves Exchange Online's view)</source>
      <translation type="vanished">Durchsetzungsstufe je bewertetem Server seit der ersten Erkennung (schraffiert: vor dem Planstart; schwarze Linie: fällt aus der Prüfung durch Exchange Online heraus)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="88" />
      <source>Since first detection. Hatched: before the first day the plan counts (today, or the plan start where that is earlier); black line: the server leaves Exchange Online's view.</source>
      <translation>Seit der ersten Erkennung. Schraffiert: vor dem ersten Tag, den der Plan zählt (heute oder der Planstart, falls früher); schwarze Linie: der Server verlässt die Sicht von Exchange Online.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="95" />
      <source>Pause budget per calendar year</source>
      <translation>Pausenbudget pro Kalenderjahr</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="102" />
      <source>PowerShell to request the pauses (Exchange Online)</source>
      <translation>PowerShell zum Beantragen der Pausen (Exchange Online)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="113" />
      <source>Re-planning…</source>
      <translation>Plane neu …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="137" />
      <source>No plan yet.</source>
      <translation>Noch kein Plan.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="159" />
      <source>Apply Exchange Online's baseline: {keys}</source>
      <translation>Baseline von Exchange Online übernehmen: {keys}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="182" />
      <location filename="../../planner/gui/views/enforcement.py" line="185" />
      <source>Apply Exchange Online's baseline</source>
      <translation>Baseline von Exchange Online übernehmen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="213" />
      <source>First detection of {names} is an estimate (the day the minimum version took effect). Exchange Online reports the real date: run Get-OnPremServerReportInfo in Exchange Online PowerShell and enter it under Settings › Enforcement.</source>
      <translation>Die erste Erkennung von {names} ist geschätzt (der Tag, ab dem die Mindestversion gilt). Das tatsächliche Datum meldet Exchange Online: Get-OnPremServerReportInfo in der Exchange-Online-PowerShell ausführen und das Datum unter Einstellungen › Durchsetzung eintragen.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="219" />
      <source>Not shown: {names}, at or above Exchange Online's minimum version today. That changes if Microsoft raises the minimum (expected, no date announced yet).</source>
      <translation>Nicht dargestellt: {names}, derzeit auf oder über der von Exchange Online verlangten Mindestversion. Das ändert sich, wenn Microsoft die Mindestversion anhebt (erwartet, noch ohne Termin).</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="227" />
      <source>proven optimal</source>
      <translation>nachweislich optimal</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="228" />
      <source>best found within the time limit, not proven optimal (gap {gap})</source>
      <translation>bestes Ergebnis im Zeitlimit, nicht nachweislich optimal (Lücke {gap})</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="230" />
      <source>no schedule satisfies every constraint</source>
      <translation>kein Zeitplan erfüllt alle Bedingungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="231" />
      <source>not scheduled</source>
      <translation>nicht terminiert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement.py" line="235" />
      <source>&lt;b&gt;Blocked days&lt;/b&gt; {blocked} · &lt;b&gt;throttled days&lt;/b&gt; {throttled} · &lt;b&gt;pause days&lt;/b&gt; {pause} · &lt;b&gt;finish&lt;/b&gt; {finish}&lt;br&gt;Status: {status}</source>
      <translation>&lt;b&gt;Blockierte Tage&lt;/b&gt; {blocked} · &lt;b&gt;gedrosselte Tage&lt;/b&gt; {throttled} · &lt;b&gt;Pausentage&lt;/b&gt; {pause} · &lt;b&gt;Ende&lt;/b&gt; {finish}&lt;br&gt;Status: {status}</translation>
    </message>
  </context>
  <context>
    <name>EstateModel</name>
    <message>
      <source>EHLO name</source>
      <translation type="vanished">EHLO-Name</translation>
    </message>
    <message>
      <source>First seen</source>
      <translation type="vanished">Zuerst gesehen</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation type="vanished">Zuletzt gesehen</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation type="vanished">Sitzungen</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation type="vanished">Nachrichten</translation>
    </message>
    <message>
      <source>Messages/day</source>
      <translation type="vanished">Nachrichten/Tag</translation>
    </message>
    <message>
      <source>Authenticated</source>
      <translation type="vanished">Authentifiziert</translation>
    </message>
    <message>
      <source>TLS</source>
      <translation type="vanished">TLS</translation>
    </message>
    <message>
      <source>Found in logs</source>
      <translation type="vanished">In Protokollen gefunden</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/estate_model.py" line="370" />
      <source>Change {0} of {1}</source>
      <translation>{0} von {1} ändern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/estate_model.py" line="382" />
      <source>Change path of {0}</source>
      <translation>Pfad von {0} ändern</translation>
    </message>
    <message>
      <source>Address spaces</source>
      <translation type="vanished">Adressräume</translation>
    </message>
    <message>
      <source>Block date</source>
      <translation type="vanished">Blockierdatum</translation>
    </message>
    <message>
      <source>Build</source>
      <translation type="vanished">Build</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation type="vanished">Zertifikat</translation>
    </message>
    <message>
      <source>Cloud mail enabled</source>
      <translation type="vanished">Cloud-Mail aktiviert</translation>
    </message>
    <message>
      <source>Connector</source>
      <translation type="vanished">Connector</translation>
    </message>
    <message>
      <source>Country</source>
      <translation type="vanished">Land</translation>
    </message>
    <message>
      <source>DAG</source>
      <translation type="vanished">DAG</translation>
    </message>
    <message>
      <source>.NET</source>
      <translation type="vanished">.NET</translation>
    </message>
    <message>
      <source>First detected</source>
      <translation type="vanished">Erstmals erkannt</translation>
    </message>
    <message>
      <source>FQDN</source>
      <translation type="vanished">FQDN</translation>
    </message>
    <message>
      <source>Host</source>
      <translation type="vanished">Host</translation>
    </message>
    <message>
      <source>Internet facing</source>
      <translation type="vanished">Mit Internetanbindung</translation>
    </message>
    <message>
      <source>Judged by EXO</source>
      <translation type="vanished">Von EXO bewertet</translation>
    </message>
    <message>
      <source>Sends to EXO (inventory)</source>
      <translation type="vanished">Sendet an EXO (Bestand)</translation>
    </message>
    <message>
      <source>Load balancer</source>
      <translation type="vanished">Load Balancer</translation>
    </message>
    <message>
      <source>Mailbox count</source>
      <translation type="vanished">Postfächer</translation>
    </message>
    <message>
      <source>Mailbox data (GB)</source>
      <translation type="vanished">Postfachdaten (GB)</translation>
    </message>
    <message>
      <source>Members</source>
      <translation type="vanished">Mitglieder</translation>
    </message>
    <message>
      <source>Name</source>
      <translation type="vanished">Name</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation type="vanished">Notizen</translation>
    </message>
    <message>
      <source>OS</source>
      <translation type="vanished">Betriebssystem</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation type="vanished">Verantwortlich</translation>
    </message>
    <message>
      <source>Path</source>
      <translation type="vanished">Pfad</translation>
    </message>
    <message>
      <source>Product</source>
      <translation type="vanished">Produkt</translation>
    </message>
    <message>
      <source>Release</source>
      <translation type="vanished">Release</translation>
    </message>
    <message>
      <source>Remote ip ranges</source>
      <translation type="vanished">Remote-IP-Bereiche</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation type="vanished">Rollen</translation>
    </message>
    <message>
      <source>Server</source>
      <translation type="vanished">Server</translation>
    </message>
    <message>
      <source>Server FQDN</source>
      <translation type="vanished">Server-FQDN</translation>
    </message>
    <message>
      <source>Servers</source>
      <translation type="vanished">Server</translation>
    </message>
    <message>
      <source>Services</source>
      <translation type="vanished">Dienste</translation>
    </message>
    <message>
      <source>Site</source>
      <translation type="vanished">Standort</translation>
    </message>
    <message>
      <source>Size (GB)</source>
      <translation type="vanished">Größe (GB)</translation>
    </message>
    <message>
      <source>Smart hosts</source>
      <translation type="vanished">Smarthosts</translation>
    </message>
    <message>
      <source>Subdivision</source>
      <translation type="vanished">Bundesland/Region</translation>
    </message>
    <message>
      <source>Supported</source>
      <translation type="vanished">Unterstützt</translation>
    </message>
    <message>
      <source>Throttle date</source>
      <translation type="vanished">Drosseldatum</translation>
    </message>
    <message>
      <source>Timezone</source>
      <translation type="vanished">Zeitzone</translation>
    </message>
    <message>
      <source>TLS certificate</source>
      <translation type="vanished">TLS-Zertifikat</translation>
    </message>
    <message>
      <source>Type</source>
      <translation type="vanished">Typ</translation>
    </message>
    <message>
      <source>Virtual</source>
      <translation type="vanished">Virtuell</translation>
    </message>
    <message>
      <source>Witness</source>
      <translation type="vanished">Zeugenserver</translation>
    </message>
    <message>
      <source>In place</source>
      <translation type="vanished">In-Place</translation>
    </message>
    <message>
      <source>CU, then in place</source>
      <translation type="vanished">CU, dann In-Place</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation type="vanished">Side-by-Side</translation>
    </message>
    <message>
      <source>Decommission</source>
      <translation type="vanished">Außer Betrieb nehmen</translation>
    </message>
    <message>
      <source>None</source>
      <translation type="vanished">Keiner</translation>
    </message>
    <message>
      <source>Arbitration mailboxes</source>
      <translation type="vanished">Schiedspostfächer</translation>
    </message>
    <message>
      <source>Auth mechanism</source>
      <translation type="vanished">Authentifizierung</translation>
    </message>
    <message>
      <source>Bindings</source>
      <translation type="vanished">Bindungen</translation>
    </message>
    <message>
      <source>Exchange server</source>
      <translation type="vanished">Exchange-Server</translation>
    </message>
    <message>
      <source>Extended protection</source>
      <translation type="vanished">Erweiterter Schutz</translation>
    </message>
    <message>
      <source>Next block rate</source>
      <translation type="vanished">Nächste Sperrrate</translation>
    </message>
    <message>
      <source>Next stage date</source>
      <translation type="vanished">Nächste Stufe am</translation>
    </message>
    <message>
      <source>Next throttle rate</source>
      <translation type="vanished">Nächste Drosselrate</translation>
    </message>
    <message>
      <source>Permission groups</source>
      <translation type="vanished">Berechtigungsgruppen</translation>
    </message>
    <message>
      <source>Public folder mailboxes</source>
      <translation type="vanished">Postfächer für Öffentliche Ordner</translation>
    </message>
    <message>
      <source>Recommended builds</source>
      <translation type="vanished">Empfohlene Builds</translation>
    </message>
    <message>
      <source>Build source</source>
      <translation type="vanished">Build-Quelle</translation>
    </message>
  </context>
  <context>
    <name>EstateView</name>
    <message>
      <source>Servers</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>Sites</source>
      <translation>Standorte</translation>
    </message>
    <message>
      <source>DAGs</source>
      <translation>DAGs</translation>
    </message>
    <message>
      <source>Databases</source>
      <translation>Datenbanken</translation>
    </message>
    <message>
      <source>Connectors</source>
      <translation>Connectoren</translation>
    </message>
    <message>
      <source>Relay clients</source>
      <translation>Relay-Clients</translation>
    </message>
    <message>
      <source>Namespaces</source>
      <translation>Namespaces</translation>
    </message>
    <message>
      <source>EXO report</source>
      <translation>EXO-Bericht</translation>
    </message>
    <message>
      <source>Filter…</source>
      <translation>Filter …</translation>
    </message>
    <message>
      <source>Import an inventory or open a project</source>
      <translation>Bestand importieren oder Projekt öffnen</translation>
    </message>
    <message>
      <source>The customer's Exchange inventory (a spreadsheet, CSV files or PowerShell exports) becomes the estate, the steps and the plan. You can also drop the files on this window.</source>
      <translation>Der Exchange-Bestand des Kunden (eine Tabelle, CSV-Dateien oder PowerShell-Exporte) wird zum Bestand, zu den Schritten und zum Plan. Sie können die Dateien auch auf dieses Fenster ziehen.</translation>
    </message>
    <message>
      <source>&amp;Import inventory…</source>
      <translation>Bestand &amp;importieren …</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>Projekt ö&amp;ffnen …</translation>
    </message>
  </context>
  <context>
    <name>ExportActions</name>
    <message>
      <source>Export &amp;Excel plan…</source>
      <translation type="vanished">&amp;Excel-Plan exportieren …</translation>
    </message>
    <message>
      <source>Export &amp;MS Project XML…</source>
      <translation type="vanished">&amp;MS-Project-XML exportieren …</translation>
    </message>
    <message>
      <source>Export PDF &amp;report…</source>
      <translation type="vanished">&amp;PDF-Bericht exportieren …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="74" />
      <source>Print pre&amp;view…</source>
      <translation>Druck&amp;vorschau …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="75" />
      <source>&amp;Print report…</source>
      <translation>Bericht &amp;drucken …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="111" />
      <source>plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Export Excel plan</source>
      <translation type="vanished">Excel-Plan exportieren</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation type="vanished">Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
      <source>Excel plan</source>
      <translation type="vanished">Excel-Plan</translation>
    </message>
    <message>
      <source>Export MS Project XML</source>
      <translation type="vanished">MS-Project-XML exportieren</translation>
    </message>
    <message>
      <source>MS Project XML (*.xml)</source>
      <translation type="vanished">MS-Project-XML (*.xml)</translation>
    </message>
    <message>
      <source>MS Project XML</source>
      <translation type="vanished">MS-Project-XML</translation>
    </message>
    <message>
      <source>Export PDF report</source>
      <translation type="vanished">PDF-Bericht exportieren</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation type="vanished">PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
      <source>PDF report</source>
      <translation type="vanished">PDF-Bericht</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="142" />
      <source>Writing {what}…</source>
      <translation>Schreibe {what} …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="145" />
      <source>Wrote {path}</source>
      <translation>{path} geschrieben</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="157" />
      <source>Export failed</source>
      <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="158" />
      <source>The {what} could not be written:
{error}</source>
      <translation>{what} konnte nicht geschrieben werden:
{error}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/actions_export.py" line="186" />
      <source>Print preview</source>
      <translation>Druckvorschau</translation>
    </message>
  </context>
  <context>
    <name>FindingsModel</name>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="116" />
      <source>Severity</source>
      <translation>Schwere</translation>
    </message>
    <message>
      <source>Code</source>
      <translation type="vanished">Code</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="116" />
      <source>Message</source>
      <translation>Meldung</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="116" />
      <source>Where</source>
      <translation>Fundstelle</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="117" />
      <source>Concerns</source>
      <translation>Betrifft</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="46" />
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="47" />
      <source>Warning</source>
      <translation>Warnung</translation>
    </message>
    <message>
      <location filename="../../planner/gui/models/findings_model.py" line="48" />
      <source>Info</source>
      <translation>Hinweis</translation>
    </message>
  </context>
  <context>
    <name>FindingsView</name>
    <message>
      <source>Errors only</source>
      <translation>Nur Fehler</translation>
    </message>
    <message>
      <source>Errors and warnings</source>
      <translation>Fehler und Warnungen</translation>
    </message>
    <message>
      <source>All findings</source>
      <translation>Alle Befunde</translation>
    </message>
    <message>
      <source>Filter…</source>
      <translation>Filter …</translation>
    </message>
    <message>
      <source>{0} errors, {1} warnings, {2} notes</source>
      <translation type="vanished">{0} Fehler, {1} Warnungen, {2} Hinweise</translation>
    </message>
  </context>
  <context>
    <name>GanttGraphicsView</name>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="228" />
      <source>Remove pin</source>
      <translation>Fixierung lösen</translation>
    </message>
  </context>
  <context>
    <name>GanttScene</name>
    <message>
      <source>report only</source>
      <translation type="vanished">nur Meldung</translation>
    </message>
    <message>
      <source>throttled</source>
      <translation type="vanished">gedrosselt</translation>
    </message>
    <message>
      <source>blocked</source>
      <translation type="vanished">blockiert</translation>
    </message>
    <message>
      <source>paused</source>
      <translation type="vanished">pausiert</translation>
    </message>
    <message>
      <source>Prepare</source>
      <translation type="vanished">Vorbereitung</translation>
    </message>
    <message>
      <source>Exchange 2013 removal</source>
      <translation type="vanished">Entfernen von Exchange 2013</translation>
    </message>
    <message>
      <source>Cumulative updates</source>
      <translation type="vanished">Kumulative Updates</translation>
    </message>
    <message>
      <source>In-place upgrades</source>
      <translation type="vanished">In-Place-Upgrades</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation type="vanished">Side-by-Side</translation>
    </message>
    <message>
      <source>Hybrid</source>
      <translation type="vanished">Hybrid</translation>
    </message>
    <message>
      <source>Decommission</source>
      <translation type="vanished">Außer Betrieb nehmen</translation>
    </message>
    <message>
      <source>Milestones</source>
      <translation type="vanished">Meilensteine</translation>
    </message>
    <message>
      <source>Maintenance window</source>
      <translation>Wartungsfenster</translation>
    </message>
    <message>
      <source>Pinned by you (drag to move, right-click to unpin)</source>
      <translation>Von Ihnen fixiert (ziehen zum Verschieben, Rechtsklick zum Lösen)</translation>
    </message>
    <message>
      <source>Drag to pin to another day</source>
      <translation>Ziehen, um auf einen anderen Tag zu fixieren</translation>
    </message>
    <message>
      <source>{server}: {kind} {start} – {end}</source>
      <translation>{server}: {kind} {start} – {end}</translation>
    </message>
    <message>
      <source>Freeze {name}: {start} – {end}</source>
      <translation>Freeze {name}: {start} – {end}</translation>
    </message>
    <message>
      <source>{start} – {end} ({days} calendar days, {work} working days)</source>
      <translation type="vanished">{start} – {end} ({days} Kalendertage, {work} Arbeitstage)</translation>
    </message>
    <message>
      <source>Enforcement pause {start} – {end} ({days} days)</source>
      <translation>Durchsetzungspause {start} – {end} ({days} Tage)</translation>
    </message>
    <message>
      <source>Consultant: {name}</source>
      <translation>Berater: {name}</translation>
    </message>
    <message>
      <source>Date driven by: {driver}</source>
      <translation>Termin bestimmt durch: {driver}</translation>
    </message>
    <message>
      <source>Pause {days} d</source>
      <translation>Pause {days} T</translation>
    </message>
    <message>
      <source>W{week}</source>
      <translation>KW{week}</translation>
    </message>
    <message>
      <source>{start} – {end} ({days}, {work})</source>
      <translation>{start} – {end} ({days}, {work})</translation>
    </message>
  </context>
  <context>
    <name>GanttView</name>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="269" />
      <source>Day</source>
      <translation>Tag</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="269" />
      <source>Week</source>
      <translation>Woche</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="270" />
      <source>Month</source>
      <translation>Monat</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="288" />
      <source>Zoom:</source>
      <translation>Zoom:</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="306" />
      <source>Re-planning…</source>
      <translation>Plane neu …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="369" />
      <source>The chart cannot be drawn: {0}</source>
      <translation>Das Diagramm kann nicht gezeichnet werden: {0}</translation>
    </message>
    <message>
      <source>report</source>
      <translation type="vanished">Meldung</translation>
    </message>
    <message>
      <source>throttled</source>
      <translation type="vanished">gedrosselt</translation>
    </message>
    <message>
      <source>blocked</source>
      <translation type="vanished">blockiert</translation>
    </message>
    <message>
      <source>paused</source>
      <translation type="vanished">pausiert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="312" />
      <source>Enforcement: </source>
      <translation>Durchsetzung: </translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="329" />
      <source>No plan yet.</source>
      <translation>Noch kein Plan.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/gantt.py" line="358" />
      <source>{n} steps, finish {finish}</source>
      <translation>{n} Schritte, Ende {finish}</translation>
    </message>
    <message>
      <source>Unpin {step}</source>
      <translation>Fixierung von {step} lösen</translation>
    </message>
    <message>
      <source>Pin {step} to {day}</source>
      <translation>{step} auf {day} fixieren</translation>
    </message>
  </context>
  <context>
    <name>GraphView</name>
    <message>
      <source>Zoom in</source>
      <translation>Vergrößern</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Verkleinern</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Einpassen</translation>
    </message>
    <message>
      <source>Migration path</source>
      <translation>Migrationspfad</translation>
    </message>
    <message>
      <source>Exchange Online judges this server</source>
      <translation>Exchange Online bewertet diesen Server</translation>
    </message>
    <message>
      <source>Select a node to see its details and steps.</source>
      <translation>Wählen Sie einen Knoten, um Details und Schritte zu sehen.</translation>
    </message>
    <message>
      <source>internet-facing</source>
      <translation>mit Internetanbindung</translation>
    </message>
    <message>
      <source>The graph cannot be drawn:</source>
      <translation>Der Graph kann nicht gezeichnet werden:</translation>
    </message>
    <message>
      <source>supported</source>
      <translation>unterstützt</translation>
    </message>
    <message>
      <source>not supported</source>
      <translation>nicht unterstützt</translation>
    </message>
    <message>
      <source>judged by Exchange Online</source>
      <translation>von Exchange Online bewertet</translation>
    </message>
    <message>
      <source>path</source>
      <translation>Pfad</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>Schritte</translation>
    </message>
    <message>
      <source>Exchange server</source>
      <translation>Exchange-Server</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <source>DAG</source>
      <translation>DAG</translation>
    </message>
    <message>
      <source>Mailbox database</source>
      <translation>Postfachdatenbank</translation>
    </message>
    <message>
      <source>Connector</source>
      <translation>Connector</translation>
    </message>
    <message>
      <source>Relay client</source>
      <translation>Relay-Client</translation>
    </message>
    <message>
      <source>Namespace</source>
      <translation>Namespace</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Exchange Online tenant</source>
      <translation>Exchange-Online-Tenant</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nein</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Inventory files</source>
      <translation>Bestandsdateien</translation>
    </message>
    <message>
      <source>Choose the customer's spreadsheet, CSV or PowerShell exports, and any Exchange transport logs (files, a folder or a zip) to find relay clients and mail volumes. You can also drop files on the main window.</source>
      <translation>Wählen Sie die Tabelle, CSV-Dateien oder PowerShell-Exporte des Kunden und gegebenenfalls Exchange-Transportprotokolle (Dateien, einen Ordner oder ein Zip), um Relay-Clients und Mailmengen zu finden. Sie können Dateien auch auf das Hauptfenster ziehen.</translation>
    </message>
    <message>
      <source>Add folder…</source>
      <translation type="vanished">Ordner hinzufügen …</translation>
    </message>
    <message>
      <source>Folder of transport logs</source>
      <translation>Ordner mit Transportprotokollen</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation type="vanished">Dateien hinzufügen …</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation type="vanished">Leeren</translation>
    </message>
    <message>
      <source>Inventories and transport logs (*.xlsx *.xlsm *.csv *.txt *.xml *.log *.LOG *.zip);;All files (*)</source>
      <translation>Bestände und Transportprotokolle (*.xlsx *.xlsm *.csv *.txt *.xml *.log *.LOG *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Column mapping</source>
      <translation>Spaltenzuordnung</translation>
    </message>
    <message>
      <source>Check what each sheet was read as. Change an entity or a column's field; the preview below updates.</source>
      <translation>Prüfen Sie, als was jedes Blatt gelesen wurde. Ändern Sie eine Entität oder das Feld einer Spalte; die Vorschau unten wird aktualisiert.</translation>
    </message>
    <message>
      <source>(do not import)</source>
      <translation>(nicht importieren)</translation>
    </message>
    <message>
      <source>Findings and changes</source>
      <translation>Befunde und Änderungen</translation>
    </message>
    <message>
      <source>Finish brings the import into the project; you can undo it.</source>
      <translation>Fertigstellen übernimmt den Import ins Projekt; Sie können ihn rückgängig machen.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/import_flow.py" line="51" />
      <source>No Exchange server was read from these files, so the import cannot replace the estate. Check that the files are the customer's inventory and that a table was read as servers.</source>
      <translation>Aus diesen Dateien wurde kein Exchange-Server gelesen; der Import kann den Bestand daher nicht ersetzen. Prüfen Sie, ob es der Bestand des Kunden ist und ob eine Tabelle als Server gelesen wurde.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/import_flow.py" line="127" />
      <source>Re-import inventory</source>
      <translation>Bestand erneut importieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/import_flow.py" line="128" />
      <source>Import inventory</source>
      <translation>Bestand importieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/import_flow.py" line="139" />
      <source>Reading the inventory…</source>
      <translation>Lese den Bestand …</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Spalte</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>Überschrift</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Feld</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>Sicherheit</translation>
    </message>
    <message>
      <source>Read as:</source>
      <translation>Gelesen als:</translation>
    </message>
    <message>
      <source>Preview of the imported records:</source>
      <translation>Vorschau der importierten Datensätze:</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>(ignorieren)</translation>
    </message>
    <message>
      <source>Changes against the current project:</source>
      <translation>Änderungen gegenüber dem aktuellen Projekt:</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
      <source>{0} servers, {1} DAGs, {2} databases, {3} connectors, {4} relay clients imported.</source>
      <translation>{0} Server, {1} DAGs, {2} Datenbanken, {3} Connectoren, {4} Relay-Clients importiert.</translation>
    </message>
    <message>
      <source>no changes</source>
      <translation>keine Änderungen</translation>
    </message>
    <message>
      <source>{where} → {entity}</source>
      <translation>{where} → {entity}</translation>
    </message>
    <message>
      <source>{where} (header in row {row}) → {entity}</source>
      <translation>{where} (Überschrift in Zeile {row}) → {entity}</translation>
    </message>
    <message>
      <source>&amp;Add files…</source>
      <translation>Dateien &amp;hinzufügen …</translation>
    </message>
    <message>
      <source>Add f&amp;older…</source>
      <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
      <source>C&amp;lear</source>
      <translation>&amp;Leeren</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>Organisation</translation>
    </message>
  </context>
  <context>
    <name>KnowledgeBar</name>
    <message>
      <location filename="../../planner/gui/knowledge_bar.py" line="33" />
      <source>Re-plan with the current knowledge</source>
      <translation>Mit dem aktuellen Wissensstand neu planen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/knowledge_bar.py" line="37" />
      <source>Hide this message</source>
      <translation>Diese Meldung ausblenden</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../planner/gui/main_window.py" line="166" />
      <source>&amp;New project</source>
      <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="168" />
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="170" />
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="171" />
      <source>Save &amp;as…</source>
      <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="172" />
      <source>&amp;Import inventory…</source>
      <translation>Bestand &amp;importieren …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="174" />
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="175" />
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="178" />
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="181" />
      <source>Re-&amp;plan</source>
      <translation>Neu &amp;planen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="183" />
      <source>&amp;Cancel planning</source>
      <translation>Planung &amp;abbrechen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="185" />
      <source>Project &amp;settings…</source>
      <translation>Projekt&amp;einstellungen …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="195" />
      <source>New</source>
      <translation>Neu</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="195" />
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="196" />
      <source>Save</source>
      <translation>Speichern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="197" />
      <source>Import</source>
      <translation>Importieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="198" />
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="198" />
      <source>Redo</source>
      <translation>Wiederholen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="199" />
      <source>Re-plan</source>
      <translation>Neu planen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="215" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="217" />
      <source>Open recen&amp;t</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="252" />
      <source>&amp;System default</source>
      <translation>Wie das &amp;System</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation type="vanished">&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="226" />
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="230" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="235" />
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="236" />
      <source>&amp;Plan</source>
      <translation>&amp;Plan</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="238" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="239" />
      <source>Update &amp;knowledge from file…</source>
      <translation>&amp;Wissensbasis aus Datei aktualisieren…</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="241" />
      <source>&amp;About</source>
      <translation>&amp;Über</translation>
    </message>
    <message>
      <source>System default</source>
      <translation type="vanished">Wie das System</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="261" />
      <source>Main</source>
      <translation>Haupt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="301" />
      <source>Untitled</source>
      <translation>Unbenannt</translation>
    </message>
    <message numerus="yes">
      <location filename="../../planner/gui/main_window.py" line="315" />
      <source>%n server(s)</source>
      <translation>
        <numerusform>%n Server</numerusform>
        <numerusform>%n Server</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../planner/gui/main_window.py" line="316" />
      <source>%n error(s)</source>
      <translation>
        <numerusform>%n Fehler</numerusform>
        <numerusform>%n Fehler</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../planner/gui/main_window.py" line="317" />
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n Warnung</numerusform>
        <numerusform>%n Warnungen</numerusform>
      </translation>
    </message>
    <message>
      <source>{0} servers · {1} errors · {2} warnings</source>
      <translation type="vanished">{0} Server · {1} Fehler · {2} Warnungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="321" />
      <source>finish {0}</source>
      <translation>Ende {0}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="334" />
      <source>Planning failed: {0}</source>
      <translation>Planung fehlgeschlagen: {0}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation type="vanished">Ungespeicherte Änderungen</translation>
    </message>
    <message>
      <source>The project has unsaved changes. Save them first?</source>
      <translation type="vanished">Das Projekt hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation type="vanished">Projekt öffnen</translation>
    </message>
    <message>
      <source>Planner projects (*{0});;All files (*)</source>
      <translation type="vanished">Planer-Projekte (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Cannot open the project</source>
      <translation type="vanished">Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>project</source>
      <translation type="vanished">Projekt</translation>
    </message>
    <message>
      <source>Save project</source>
      <translation type="vanished">Projekt speichern</translation>
    </message>
    <message>
      <source>Planner projects (*{0})</source>
      <translation type="vanished">Planer-Projekte (*{0})</translation>
    </message>
    <message>
      <source>Cannot save the project</source>
      <translation type="vanished">Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>Saved {0}</source>
      <translation type="vanished">{0} gespeichert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/main_window.py" line="200" />
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>The settings dialog is not available yet.</source>
      <translation type="vanished">Der Einstellungsdialog ist noch nicht verfügbar.</translation>
    </message>
    <message>
      <source>Language</source>
      <translation type="vanished">Sprache</translation>
    </message>
    <message>
      <source>The new language is used from the next start.</source>
      <translation type="vanished">Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
  </context>
  <context>
    <name>OverridesModel</name>
    <message>
      <source>Key</source>
      <translation type="vanished">Schlüssel</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/overrides_model.py" line="72" />
      <source>Fact</source>
      <translation>Faktum</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/overrides_model.py" line="73" />
      <source>Knowledge base</source>
      <translation>Wissensbasis</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/overrides_model.py" line="74" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/overrides_model.py" line="75" />
      <source>As of</source>
      <translation>Stand</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/overrides_model.py" line="76" />
      <source>Project override</source>
      <translation>Projektwert</translation>
    </message>
  </context>
  <context>
    <name>OverridesPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="130" />
      <source>Type a value in the last column to override the knowledge base for this project; empty = the knowledge base's value. Dates as YYYY-MM-DD.</source>
      <translation>Tragen Sie in der letzten Spalte einen Wert ein, um die Wissensbasis für dieses Projekt zu übersteuern; leer = Wert der Wissensbasis. Datumsangaben als JJJJ-MM-TT.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/enforcement_page.py" line="135" />
      <source>Filter by key, e.g. policy or baseline</source>
      <translation>Nach Schlüssel filtern, z. B. policy oder baseline</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <source>Estate</source>
      <translation>Bestand</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Befunde</translation>
    </message>
    <message>
      <source>Graph</source>
      <translation>Graph</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>Schritte</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>Zeitplan</translation>
    </message>
    <message>
      <source>Enforcement</source>
      <translation>Durchsetzung</translation>
    </message>
    <message>
      <source>Scenarios</source>
      <translation>Szenarien</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Bericht</translation>
    </message>
    <message>
      <source>The {0} view is not available in this build.</source>
      <translation>Die Ansicht {0} ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
      <source>&amp;Estate</source>
      <translation>&amp;Bestand</translation>
    </message>
    <message>
      <source>&amp;Findings</source>
      <translation>Be&amp;funde</translation>
    </message>
    <message>
      <source>&amp;Graph</source>
      <translation>&amp;Graph</translation>
    </message>
    <message>
      <source>&amp;Steps</source>
      <translation>Schri&amp;tte</translation>
    </message>
    <message>
      <source>Sc&amp;hedule</source>
      <translation>&amp;Zeitplan</translation>
    </message>
    <message>
      <source>E&amp;nforcement</source>
      <translation>&amp;Durchsetzung</translation>
    </message>
    <message>
      <source>S&amp;cenarios</source>
      <translation>Sz&amp;enarien</translation>
    </message>
    <message>
      <source>&amp;Report</source>
      <translation>Beric&amp;ht</translation>
    </message>
  </context>
  <context>
    <name>PauseBudgetGauge</name>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="184" />
      <source>used {used} · planned {planned} · left {left} of {max}</source>
      <translation>verbraucht {used} · geplant {planned} · frei {left} von {max}</translation>
    </message>
  </context>
  <context>
    <name>ProjectFiles</name>
    <message>
      <location filename="../../planner/gui/project_files.py" line="58" />
      <source>Unsaved changes</source>
      <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="59" />
      <source>The project has unsaved changes. Save them first?</source>
      <translation>Das Projekt hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="80" />
      <source>Open project</source>
      <translation>Projekt öffnen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="81" />
      <source>Planner projects (*{0});;All files (*)</source>
      <translation>Planer-Projekte (*{0});;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="90" />
      <source>Cannot open the project</source>
      <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="107" />
      <source>project</source>
      <translation>Projekt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="109" />
      <source>Save project</source>
      <translation>Projekt speichern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="110" />
      <source>Planner projects (*{0})</source>
      <translation>Planer-Projekte (*{0})</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="123" />
      <source>Cannot save the project</source>
      <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
      <location filename="../../planner/gui/project_files.py" line="128" />
      <source>Saved {0}</source>
      <translation>{0} gespeichert</translation>
    </message>
  </context>
  <context>
    <name>ProjectPage</name>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="189" />
      <source>Customer</source>
      <translation>Kunde</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="190" />
      <source>Project start</source>
      <translation>Projektbeginn</translation>
    </message>
    <message>
      <source>Country (ISO code, e.g. DE)</source>
      <translation type="vanished">Land (ISO-Code, z. B. DE)</translation>
    </message>
    <message>
      <source>State / subdivision (e.g. BY)</source>
      <translation type="vanished">Bundesland / Region (z. B. BY)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="195" />
      <source>Language of report and exports</source>
      <translation>Sprache von Bericht und Exporten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="196" />
      <source>Your company</source>
      <translation>Ihr Unternehmen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="197" />
      <source>Consultant</source>
      <translation>Berater</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="198" />
      <source>Plan version</source>
      <translation>Planversion</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="199" />
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="200" />
      <source>Solver time limit</source>
      <translation>Zeitlimit des Solvers</translation>
    </message>
    <message>
      <source>The country must be a two-letter code such as DE.</source>
      <translation type="vanished">Das Land muss ein zweistelliger Code wie DE sein.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="201" />
      <source>Names of new servers</source>
      <translation>Namen neuer Server</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="184" />
      <source>Names of the new SE servers. {old}: the server replaced, {site}: its site, {n}: number per site ({n:02} gives 01), {i}: number among one server's replacements. Empty: {default} (the old name with -SE).</source>
      <translation>Namen der neuen SE-Server. {old}: der ersetzte Server, {site}: sein Standort, {n}: Nummer je Standort ({n:02} ergibt 01), {i}: Nummer unter den Nachfolgern eines Servers. Leer: {default} (der alte Name mit -SE).</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="172" />
      <source>Letter</source>
      <translation>US-Letter</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="192" />
      <source>&amp;Country (public holidays)</source>
      <translation>&amp;Land (Feiertage)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="193" />
      <source>&amp;State</source>
      <translation>&amp;Bundesland/Region</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings_pages.py" line="213" />
      <source>The names of new servers may use {old}, {site}, {n} and {i}, not: </source>
      <translation>Die Namen neuer Server können {old}, {site}, {n} und {i} verwenden, nicht: </translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <location filename="../../planner/gui/progress.py" line="47" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>an unsaved project</source>
      <translation type="vanished">einem ungespeicherten Projekt</translation>
    </message>
    <message>
      <source>Recover unsaved work?</source>
      <translation type="vanished">Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
      <source>The planner did not close properly. An autosaved copy of {0} from {1} was found.

Recover it?</source>
      <translation type="vanished">Der Planer wurde nicht ordnungsgemäß beendet. Eine automatisch gespeicherte Kopie von {0} vom {1} wurde gefunden.

Wiederherstellen?</translation>
    </message>
    <message>
      <source>Recovery failed</source>
      <translation type="vanished">Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
      <source>The planner did not close properly. These projects had unsaved changes. Restore or discard each; what you do not decide now is offered again at the next start.</source>
      <translation>Der Planer wurde nicht ordnungsgemäß beendet. Diese Projekte hatten ungespeicherte Änderungen. Stellen Sie jedes wieder her oder verwerfen Sie es; was Sie jetzt nicht entscheiden, wird beim nächsten Start wieder angeboten.</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Verwerfen</translation>
    </message>
    <message>
      <source>Decide &amp;later</source>
      <translation>&amp;Später entscheiden</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Kunde</translation>
    </message>
    <message>
      <source>Project file</source>
      <translation>Projektdatei</translation>
    </message>
    <message>
      <source>Last autosave</source>
      <translation>Letzte automatische Sicherung</translation>
    </message>
    <message>
      <source>(never saved)</source>
      <translation>(nie gespeichert)</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
      <location filename="../../planner/gui/recovery_dialog.py" line="82" />
      <source>%n autosaved file(s) could not be read. They were kept in the folder “unreadable” next to the recovery files:</source>
      <translation>
        <numerusform>%n automatisch gesicherte Datei ließ sich nicht lesen. Sie wurde im Ordner „unreadable“ neben den Wiederherstellungsdateien aufbewahrt:</numerusform>
        <numerusform>%n automatisch gesicherte Dateien ließen sich nicht lesen. Sie wurden im Ordner „unreadable“ neben den Wiederherstellungsdateien aufbewahrt:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../planner/gui/recovery_dialog.py" line="123" />
      <source>Delete the autosaved changes of %n project(s)? This cannot be undone.</source>
      <translation>
        <numerusform>Die automatisch gesicherten Änderungen von %n Projekt löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        <numerusform>Die automatisch gesicherten Änderungen von %n Projekten löschen? Das lässt sich nicht rückgängig machen.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RegionPicker</name>
    <message>
      <location filename="../../planner/gui/dialogs/region_picker.py" line="74" />
      <source>(whole country)</source>
      <translation>(ganzes Land)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/region_picker.py" line="111" />
      <source>Choose a country from the list: “{text}” names none the planner knows public holidays for.</source>
      <translation>Wählen Sie ein Land aus der Liste: Für „{text}“ kennt der Planer keine Feiertage.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/region_picker.py" line="115" />
      <source>Choose a state from the list: “{text}” is not one of this country's.</source>
      <translation>Wählen Sie ein Bundesland aus der Liste: „{text}“ gehört nicht zu diesem Land.</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <source>No plan yet: import an inventory first.</source>
      <translation>Noch kein Plan: Importieren Sie zuerst einen Bestand.</translation>
    </message>
    <message>
      <source>The report cannot be shown:</source>
      <translation>Der Bericht kann nicht angezeigt werden:</translation>
    </message>
    <message>
      <source>Report of the scenario “{name}”, which is chosen for export and print (report language: {language}).</source>
      <translation>Bericht des Szenarios „{name}“, das für Export und Druck gewählt ist (Berichtssprache: {language}).</translation>
    </message>
    <message>
      <source>Planning the scenario…</source>
      <translation>Das Szenario wird geplant …</translation>
    </message>
    <message>
      <source>Report of the current plan, as exported and printed (report language: {language}).</source>
      <translation>Bericht des aktuellen Plans, so wie er exportiert und gedruckt wird (Berichtssprache: {language}).</translation>
    </message>
  </context>
  <context>
    <name>ScenariosView</name>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="159" />
      <source>Duplicate current…</source>
      <translation>Aktuellen duplizieren …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="160" />
      <source>Switch to</source>
      <translation>Wechseln zu</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="161" />
      <source>Save current into</source>
      <translation>Aktuellen speichern in</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="162" />
      <source>Use for export</source>
      <translation>Für Export verwenden</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="163" />
      <source>Rename…</source>
      <translation>Umbenennen …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="164" />
      <source>Delete</source>
      <translation>Löschen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="172" />
      <source>No scenarios yet. “Duplicate current…” keeps the current plan under a name; then change the settings or decisions, and the table compares the two.</source>
      <translation>Noch keine Szenarien. „Aktuellen duplizieren …“ speichert den aktuellen Plan unter einem Namen; danach Einstellungen oder Entscheidungen ändern, und die Tabelle vergleicht beide.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="225" />
      <source>{name} (for export)</source>
      <translation>{name} (für Export)</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="231" />
      <source>Current plan</source>
      <translation>Aktueller Plan</translation>
    </message>
    <message>
      <source>Exports and the report use: {name}</source>
      <translation type="vanished">Exporte und Bericht verwenden: {name}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="237" />
      <source>Exports and printing use: {name}</source>
      <translation>Exporte und Druck verwenden: {name}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="238" />
      <source>the current plan</source>
      <translation>den aktuellen Plan</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="279" />
      <source>Duplicate current plan</source>
      <translation>Aktuellen Plan duplizieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="280" />
      <source>Name of the scenario:</source>
      <translation>Name des Szenarios:</translation>
    </message>
    <message>
      <source>Add scenario {name}</source>
      <translation>Szenario {name} hinzufügen</translation>
    </message>
    <message>
      <source>Switch to scenario {name}</source>
      <translation>Zu Szenario {name} wechseln</translation>
    </message>
    <message>
      <source>Update scenario {name}</source>
      <translation>Szenario {name} aktualisieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="310" />
      <source>Rename scenario</source>
      <translation>Szenario umbenennen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/scenarios.py" line="311" />
      <source>New name:</source>
      <translation>Neuer Name:</translation>
    </message>
    <message>
      <source>Rename scenario {name}</source>
      <translation>Szenario {name} umbenennen</translation>
    </message>
    <message>
      <source>Delete scenario {name}</source>
      <translation>Szenario {name} löschen</translation>
    </message>
    <message>
      <source>Choose scenario for export</source>
      <translation>Szenario für Export wählen</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="40" />
      <source>Project settings</source>
      <translation>Projekteinstellungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="51" />
      <source>Project</source>
      <translation>Projekt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="52" />
      <source>Calendar</source>
      <translation>Kalender</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="53" />
      <source>Consultants</source>
      <translation>Berater</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="54" />
      <source>Enforcement</source>
      <translation>Durchsetzung</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="55" />
      <source>Knowledge and overrides</source>
      <translation>Wissensbasis und Übersteuerungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="56" />
      <source>Durations and throughput</source>
      <translation>Dauern und Durchsatz</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="79" />
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/dialogs/settings.py" line="83" />
      <source>Change settings</source>
      <translation>Einstellungen ändern</translation>
    </message>
  </context>
  <context>
    <name>StageStrips</name>
    <message>
      <source>No server is judged by Exchange Online.</source>
      <translation type="vanished">Kein Server wird von Exchange Online bewertet.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="74" />
      <source>No server is below Exchange Online's minimum version.</source>
      <translation>Kein Server liegt unter der von Exchange Online verlangten Mindestversion.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="149" />
      <source>report only</source>
      <translation>nur Meldung</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="149" />
      <source>throttled</source>
      <translation>gedrosselt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="150" />
      <source>blocked</source>
      <translation>blockiert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="150" />
      <source>paused</source>
      <translation>pausiert</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="153" />
      <source>Stage {n}: {kind}</source>
      <translation>Stufe {n}: {kind}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="155" />
      <source>reported by Exchange Online</source>
      <translation>von Exchange Online gemeldet</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="156" />
      <source>entered in the settings</source>
      <translation>in den Einstellungen eingetragen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="157" />
      <source>estimate: the day the minimum version took effect</source>
      <translation>geschätzt: der Tag, ab dem die Mindestversion gilt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="158" />
      <source>First detected {day} ({source})</source>
      <translation>Erstmals erkannt {day} ({source})</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="160" />
      <source>Leaves Exchange Online's view {day}</source>
      <translation>Verlässt die Prüfung durch Exchange Online: {day}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/enforcement_paint.py" line="161" />
      <source>not in this plan</source>
      <translation>nicht in diesem Plan</translation>
    </message>
  </context>
  <context>
    <name>StepsModel</name>
    <message>
      <source>Prepare</source>
      <translation type="vanished">Vorbereitung</translation>
    </message>
    <message>
      <source>Exchange 2013 removal</source>
      <translation type="vanished">Exchange 2013 entfernen</translation>
    </message>
    <message>
      <source>Cumulative updates</source>
      <translation type="vanished">Kumulative Updates</translation>
    </message>
    <message>
      <source>In-place upgrades</source>
      <translation type="vanished">In-Place-Upgrades</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation type="vanished">Side-by-Side</translation>
    </message>
    <message>
      <source>Hybrid</source>
      <translation type="vanished">Hybrid</translation>
    </message>
    <message>
      <source>Decommission</source>
      <translation type="vanished">Außerbetriebnahme</translation>
    </message>
    <message>
      <source>Milestones</source>
      <translation type="vanished">Meilensteine</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="52" />
      <source>Step</source>
      <translation>Schritt</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="52" />
      <source>ID</source>
      <translation>Nr.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="53" />
      <source>Target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="53" />
      <source>WBS</source>
      <translation>PSP</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="54" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="54" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="55" />
      <source>Days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="55" />
      <source>Consultant</source>
      <translation>Berater</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="56" />
      <source>Rule</source>
      <translation>Regel</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="56" />
      <source>Reason</source>
      <translation>Begründung</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps_model.py" line="57" />
      <source>Date driven by</source>
      <translation>Termin bestimmt durch</translation>
    </message>
  </context>
  <context>
    <name>StepsView</name>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="247" />
      <source>More servers: change them on the Estate page or from a step's context menu</source>
      <translation>Weitere Server: auf der Seite Bestand oder im Kontextmenü eines Schritts ändern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="111" />
      <source>Switch rule off</source>
      <translation>Regel abschalten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="113" />
      <location filename="../../planner/gui/views/steps.py" line="233" />
      <source>Exclude server</source>
      <translation>Server ausschließen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="115" />
      <source>Rename new server…</source>
      <translation>Neuen Server umbenennen …</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="117" />
      <source>Change path</source>
      <translation>Pfad ändern</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="378" />
      <source>Rename new server</source>
      <translation>Neuen Server umbenennen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="380" />
      <source>New name for {server} (at most 15 characters):</source>
      <translation>Neuer Name für {server} (höchstens 15 Zeichen):</translation>
    </message>
    <message>
      <source>Switched off / excluded</source>
      <translation type="vanished">Abgeschaltet / ausgeschlossen</translation>
    </message>
    <message>
      <source>In place to SE</source>
      <translation type="vanished">In-Place auf SE</translation>
    </message>
    <message>
      <source>Cumulative update, then in place</source>
      <translation type="vanished">Kumulatives Update, dann In-Place</translation>
    </message>
    <message>
      <source>Side by side (new SE servers)</source>
      <translation type="vanished">Side-by-Side (neue SE-Server)</translation>
    </message>
    <message>
      <source>Decommission</source>
      <translation type="vanished">Außer Betrieb nehmen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="278" />
      <source>As the rules propose</source>
      <translation>Wie von den Regeln vorgeschlagen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="291" />
      <source>Switch rule {rule} on</source>
      <translation>Regel {rule} einschalten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="331" />
      <source>Path of {server}</source>
      <translation>Pfad von {server}</translation>
    </message>
    <message>
      <source>Plan {server} again</source>
      <translation>{server} wieder einplanen</translation>
    </message>
    <message>
      <source>Rule: {rule}</source>
      <translation type="vanished">Regel: {rule}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="88" />
      <source>Select a step to see why it is planned, what drives its date and its command.</source>
      <translation>Wählen Sie einen Schritt, um zu sehen, warum er geplant ist, was seinen Termin bestimmt und welcher Befehl dazugehört.</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="118" />
      <source>Exclude servers</source>
      <translation>Server ausschließen</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="122" />
      <source>Switched-off rules</source>
      <translation>Abgeschaltete Regeln</translation>
    </message>
    <message>
      <source>Source: {source}</source>
      <translation type="vanished">Quelle: {source}</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="315" />
      <source>Date driven by: {driver}</source>
      <translation>Termin bestimmt durch: {driver}</translation>
    </message>
    <message>
      <source>Switch rule {rule} off</source>
      <translation>Regel {rule} abschalten</translation>
    </message>
    <message>
      <location filename="../../planner/gui/views/steps.py" line="232" />
      <source>Exclude {server}</source>
      <translation>{server} ausschließen</translation>
    </message>
    <message>
      <source>Change path of {server}</source>
      <translation>Pfad von {server} ändern</translation>
    </message>
    <message>
      <source>Rename {server} to {name}</source>
      <translation>{server} in {name} umbenennen</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <location filename="../../planner/gui/knowledge_update.py" line="40" />
      <source>Update knowledge from file</source>
      <translation>Wissensbasis aus Datei aktualisieren</translation>
    </message>
    <message>
      <location filename="../../planner/gui/knowledge_update.py" line="42" />
      <source>Build lists (*.csv *.ps1);;All files (*)</source>
      <translation>Build-Listen (*.csv *.ps1);;Alle Dateien (*)</translation>
    </message>
  </context>
</TS>
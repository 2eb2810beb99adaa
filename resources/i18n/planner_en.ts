<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../planner/gui/main_window.py" line="315"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../planner/gui/main_window.py" line="316"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../planner/gui/main_window.py" line="317"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <location filename="../../planner/gui/recovery_dialog.py" line="82"/>
        <source>%n autosaved file(s) could not be read. They were kept in the folder “unreadable” next to the recovery files:</source>
        <translation>
            <numerusform>%n autosaved file could not be read. It was kept in the folder “unreadable” next to the recovery files:</numerusform>
            <numerusform>%n autosaved files could not be read. They were kept in the folder “unreadable” next to the recovery files:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../planner/gui/recovery_dialog.py" line="123"/>
        <source>Delete the autosaved changes of %n project(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the autosaved changes of %n project? This cannot be undone.</numerusform>
            <numerusform>Delete the autosaved changes of %n projects? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>

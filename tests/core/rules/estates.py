"""Hand-built estates mirroring the bundled samples (issue #3 item 8), for rule tests."""

from __future__ import annotations

from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    Namespace,
    Organization,
    RelayClient,
    Server,
    Site,
)

SEND = ConnectorType.SEND
RECEIVE = ConnectorType.RECEIVE

CU14 = "15.2.1544.36"  # 2019 CU14 Oct25SU
CU15 = "15.2.1748.39"  # 2019 CU15 Oct25SU
CU12 = "15.2.1118.7"  # 2019 CU12 RTM
E2016 = "15.1.2507.61"  # 2016 CU23 Oct25SU
E2013 = "15.0.1497.2"  # 2013 CU23
SE_RTM = "15.2.2562.17"


def small() -> Estate:
    """One site, hybrid, a 2019 CU14 DAG of two and a 2019 Edge carrying mail to EXO."""
    return Estate(
        organization=Organization(customer="Small GmbH", hybrid=True, tenant="small",
                                  forest="small.local"),
        sites=(Site("HQ", internet_facing=True, country="DE", subdivision="BY"),),
        servers=(
            Server("EX01", fqdn="ex01.small.local", site="HQ", roles=("Mailbox",), build=CU14,
                   os="Windows Server 2019", dag="DAG1", mailbox_data_gb=400),
            Server("EX02", fqdn="ex02.small.local", site="HQ", roles=("Mailbox",), build=CU14,
                   os="Windows Server 2019", dag="DAG1", mailbox_data_gb=380),
            Server("EDGE01", fqdn="edge01.small.de", site="HQ", roles=("Edge",), build=CU14),
        ),
        dags=(Dag("DAG1", ("EX01", "EX02")),),
        connectors=(
            Connector("Outbound to Office 365", SEND, ("EdgeSync - HQ to Internet",),
                      ("small.mail.onmicrosoft.com",), cloud_mail_enabled=True),
            Connector("EdgeSync - HQ to Internet", ConnectorType.EDGE_SUBSCRIPTION,
                      ("EDGE01",), site="HQ"),
            Connector("Inbound from Small", ConnectorType.EXO_INBOUND),
        ),
    )


def mixed() -> Estate:
    """Two sites: a 2016 CU23 DAG (judged), 2019 CU15 servers, Edge, relay clients, namespaces."""
    return Estate(
        organization=Organization(customer="Mixed AG", hybrid=True, tenant="mixed",
                                  forest="mixed.local"),
        sites=(Site("Munich", internet_facing=True, country="DE", subdivision="BY"),
               Site("Hamburg", country="DE", subdivision="HH")),
        servers=(
            Server("EX2016-01", site="Munich", roles=("Mailbox",), build=E2016,
                   os="Windows Server 2016", dag="DAG2016"),
            Server("EX2016-02", site="Munich", roles=("Mailbox",), build=E2016,
                   os="Windows Server 2016", dag="DAG2016"),
            Server("EX2019-01", site="Munich", roles=("Mailbox",), build=CU15,
                   os="Windows Server 2022", dag="DAG2019"),
            Server("EX2019-02", site="Hamburg", roles=("Mailbox",), build=CU15,
                   os="Windows Server 2022", dag="DAG2019"),
            Server("EX2019-03", site="Hamburg", roles=("Mailbox",), build=CU15,
                   os="Windows Server 2022"),
            Server("EDGE2016", site="Munich", roles=("Edge",), build=E2016),
        ),
        dags=(Dag("DAG2016", ("EX2016-01", "EX2016-02")),
              Dag("DAG2019", ("EX2019-01", "EX2019-02"))),
        databases=(
            Database("DB16-1", server="EX2016-01", dag="DAG2016", size_gb=700),
            Database("DB16-2", server="EX2016-02", dag="DAG2016", size_gb=650),
            Database("DB19-1", server="EX2019-01", dag="DAG2019", size_gb=500),
        ),
        connectors=(
            Connector("Outbound to Office 365", SEND, ("EX2016-01", "EX2016-02"),
                      ("mixed.mail.onmicrosoft.com",)),
            Connector("Internet", SEND, ("EX2016-01", "EX2019-01")),
            Connector("Relay Munich", RECEIVE, ("EX2016-01",), remote_ip_ranges=("10.1.0.0/24",)),
            Connector("EdgeSync - Munich", ConnectorType.EDGE_SUBSCRIPTION, ("EDGE2016",),
                      site="Munich"),
            Connector("Inbound from Mixed", ConnectorType.EXO_INBOUND),
        ),
        relay_clients=(
            RelayClient("Printer 3rd floor", host="10.1.0.15", connector="Relay Munich"),
            RelayClient("ERP", host="erp.mixed.local", connector="Relay Munich", owner="IT"),
        ),
        namespaces=(Namespace("mail.mixed.de", ("OWA", "EWS"), ("EX2016-01", "EX2016-02"),
                              load_balancer="F5"),),
    )


def legacy() -> Estate:
    """Not hybrid: an Exchange 2013 server still present and a 2019 CU12 server."""
    return Estate(
        organization=Organization(customer="Legacy KG", forest="legacy.local"),
        sites=(Site("Berlin", internet_facing=True, country="DE", subdivision="BE"),),
        servers=(
            Server("EX2013", site="Berlin", roles=("Mailbox", "ClientAccess"), build=E2013,
                   os="Windows Server 2012 R2", mailbox_data_gb=120),
            Server("EX2019", site="Berlin", roles=("Mailbox",), build=CU12,
                   os="Windows Server 2019", mailbox_data_gb=300),
        ),
        connectors=(Connector("Internet", SEND, ("EX2013",)),
                    Connector("Scanner relay", RECEIVE, ("EX2013",))),
        relay_clients=(RelayClient("Scanner", connector="Scanner relay"),),
    )

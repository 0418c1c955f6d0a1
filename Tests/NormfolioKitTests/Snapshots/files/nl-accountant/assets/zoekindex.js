// normfolio's search index: it hands its entries only to the search page of its own site.
"use strict";
(function () {
  var receive = typeof normfolioReceiveIndex === "function" ? normfolioReceiveIndex : null;
  if (receive === null || receive() !== "16f504d2ae2e6501c6e274dea1bdefc2") { return; }
  receive([
{
  "c": "",
  "fm": "go.01 strategie informatiebeveiliging strategy ",
  "ft": "go.01 strategie informatiebeveiliging",
  "fx": "het bestuur heeft een visie en strategie op informatiebeveiliging die richting geeft aan alle maatregelen op dit gebied. ",
  "k": "Norm",
  "n": "GO.01",
  "t": "GO.01 Strategie informatiebeveiliging",
  "u": "normen/GO.01.html"
},
{
  "c": "",
  "fm": "go.02 beleid informatiebeveiliging policy bestuurssecretaris",
  "ft": "go.02 beleid informatiebeveiliging",
  "fx": "er is een door het bestuur vastgesteld beleid voor informatiebeveiliging. medewerkers en waar nodig leveranciers kennen het, en het wordt regelmatig herzien. het beleid is vastgesteld; zie het beleid.",
  "k": "Norm",
  "n": "GO.02",
  "t": "GO.02 Beleid informatiebeveiliging",
  "u": "normen/GO.02.html"
},
{
  "c": "",
  "fm": "go.03 planning/roadmap informatiebeveiliging plan / roadmap ",
  "ft": "go.03 planning/roadmap informatiebeveiliging",
  "fx": "doelen, risico's en wettelijke eisen zijn vertaald naar een meerjarenplan voor informatiebeveiliging, met oog voor de ict-omgeving en de cultuur in de organisatie. ",
  "k": "Norm",
  "n": "GO.03",
  "t": "GO.03 Planning/roadmap informatiebeveiliging",
  "u": "normen/GO.03.html"
},
{
  "c": "",
  "fm": "go.04 informatiearchitectuur architecture ",
  "ft": "go.04 informatiearchitectuur",
  "fx": "de organisatie houdt een beschrijving bij van haar informatievoorziening, zodat informatie veilig en doelmatig kan worden vastgelegd, gebruikt en gedeeld. ",
  "k": "Norm",
  "n": "GO.04",
  "t": "GO.04 Informatiearchitectuur",
  "u": "normen/GO.04.html"
},
{
  "c": "",
  "fm": "go.05 onafhankelijke toetsing independent assurance ",
  "ft": "go.05 onafhankelijke toetsing",
  "fx": "een interne of externe partij toetst onafhankelijk of de informatieverwerking voldoet aan wetgeving, eigen beleid en gangbare praktijk. ",
  "k": "Norm",
  "n": "GO.05",
  "t": "GO.05 Onafhankelijke toetsing",
  "u": "normen/GO.05.html"
},
{
  "c": "",
  "fm": "or.01 eigenaarschap, rollen, verantwoordelijkheden en aansprakelijkheid ownership, roles, accountability and responsibilities ",
  "ft": "or.01 eigenaarschap, rollen, verantwoordelijkheden en aansprakelijkheid",
  "fx": "wie eigenaar is van informatiebeveiliging en wie welke taak en verantwoordelijkheid heeft, is formeel belegd op elk niveau van de organisatie. ",
  "k": "Norm",
  "n": "OR.01",
  "t": "OR.01 Eigenaarschap, rollen, verantwoordelijkheden en aansprakelijkheid",
  "u": "normen/OR.01.html"
},
{
  "c": "",
  "fm": "or.02 functiescheiding segregation of duties ",
  "ft": "or.02 functiescheiding",
  "fx": "taken zijn zo verdeeld dat een persoon niet in zijn eentje een kritisch proces kan ondermijnen; medewerkers doen alleen wat bij hun functie hoort. ",
  "k": "Norm",
  "n": "OR.02",
  "t": "OR.02 Functiescheiding",
  "u": "normen/OR.02.html"
},
{
  "c": "",
  "fm": "rm.01 raamwerk voor informatierisicomanagement information risk management framework ",
  "ft": "rm.01 raamwerk voor informatierisicomanagement",
  "fx": "er is een vaste aanpak voor het beheersen van informatierisico's die aansluit op de doelen en het algemene risicomanagement van de organisatie. ",
  "k": "Norm",
  "n": "RM.01",
  "t": "RM.01 Raamwerk voor informatierisicomanagement",
  "u": "normen/RM.01.html"
},
{
  "c": "",
  "fm": "rm.02 risicoanalyse risk assessment ",
  "ft": "rm.02 risicoanalyse",
  "fx": "risico's worden periodiek in kaart gebracht en op kans en impact beoordeeld, zowel voor als na maatregelen. ",
  "k": "Norm",
  "n": "RM.02",
  "t": "RM.02 Risicoanalyse",
  "u": "normen/RM.02.html"
},
{
  "c": "",
  "fm": "rm.03 plan voor behandeling en beperking van risico's (inclusief risicoacceptatie) risk action and mitigation plan (including risk acceptance) ",
  "ft": "rm.03 plan voor behandeling en beperking van risico's (inclusief risicoacceptatie)",
  "fx": "maatregelen tegen risico's worden geprioriteerd en belegd; restrisico's worden bewust geaccepteerd door wie daarover gaat en de uitvoering wordt gevolgd. ",
  "k": "Norm",
  "n": "RM.03",
  "t": "RM.03 Plan voor behandeling en beperking van risico's (inclusief risicoacceptatie)",
  "u": "normen/RM.03.html"
},
{
  "c": "",
  "fm": "hr.01 werving en selectie recruitment ",
  "ft": "hr.01 werving en selectie",
  "fx": "bij werving wordt gelet op de benodigde kennis en betrouwbaarheid, met antecedentenonderzoek waar de functie daarom vraagt. ",
  "k": "Norm",
  "n": "HR.01",
  "t": "HR.01 Werving en selectie",
  "u": "normen/HR.01.html"
},
{
  "c": "",
  "fm": "hr.02 certificering, training en opleiding certification, training and education ",
  "ft": "hr.02 certificering, training en opleiding",
  "fx": "periodiek wordt nagegaan of medewerkers de kennis en vaardigheden hebben die hun rol vraagt, en waar nodig worden ze opgeleid. ",
  "k": "Norm",
  "n": "HR.02",
  "t": "HR.02 Certificering, training en opleiding",
  "u": "normen/HR.02.html"
},
{
  "c": "",
  "fm": "hr.03 afhankelijkheid van personen dependence on individuals ",
  "ft": "hr.03 afhankelijkheid van personen",
  "fx": "voor sleutelfuncties is vervanging en opvolging geregeld, zodat het werk niet stilvalt als iemand uitvalt. ",
  "k": "Norm",
  "n": "HR.03",
  "t": "HR.03 Afhankelijkheid van personen",
  "u": "normen/HR.03.html"
},
{
  "c": "",
  "fm": "hr.04 functiewijziging en uitdiensttreding job change and/or termination ",
  "ft": "hr.04 functiewijziging en uitdiensttreding",
  "fx": "bij een nieuwe functie of vertrek worden kennis overgedragen, taken herverdeeld en toegangsrechten tijdig ingetrokken. ",
  "k": "Norm",
  "n": "HR.04",
  "t": "HR.04 Functiewijziging en uitdiensttreding",
  "u": "normen/HR.04.html"
},
{
  "c": "",
  "fm": "hr.05 kennisdeling knowledge sharing ",
  "ft": "hr.05 kennisdeling",
  "fx": "gebruikers en beheerders krijgen de kennis die ze nodig hebben om systemen goed en veilig te gebruiken en te beheren. ",
  "k": "Norm",
  "n": "HR.05",
  "t": "HR.05 Kennisdeling",
  "u": "normen/HR.05.html"
},
{
  "c": "",
  "fm": "hr.06 bewustwording security awareness ",
  "ft": "hr.06 bewustwording",
  "fx": "een doorlopend bewustwordingsprogramma maakt medewerkers bewust van hun rol bij het beschermen van informatie. ",
  "k": "Norm",
  "n": "HR.06",
  "t": "HR.06 Bewustwording",
  "u": "normen/HR.06.html"
},
{
  "c": "",
  "fm": "co.01 identificatie en onderhoud van configuratie-items identification and maintenance of configuration items ",
  "ft": "co.01 identificatie en onderhoud van configuratie-items",
  "fx": "er zijn afspraken over het vastleggen en bijhouden van wijzigingen in de configuratie, afgestemd op wijzigings- en incidentbeheer. ",
  "k": "Norm",
  "n": "CO.01",
  "t": "CO.01 Identificatie en onderhoud van configuratie-items",
  "u": "normen/CO.01.html"
},
{
  "c": "",
  "fm": "co.02 configuratiedatabase en basislijn configuration repository and baseline ",
  "ft": "co.02 configuratiedatabase en basislijn",
  "fx": "alle configuratie-items staan op een centrale plek en per systeem is een basisconfiguratie vastgelegd om wijzigingen tegen af te zetten. ",
  "k": "Norm",
  "n": "CO.02",
  "t": "CO.02 Configuratiedatabase en basislijn",
  "u": "normen/CO.02.html"
},
{
  "c": "",
  "fm": "im.01 incidentmanagement incident management ict-coordinator",
  "ft": "im.01 incidentmanagement",
  "fx": "incidenten en storingen worden volgens een vaste werkwijze vastgelegd, geprioriteerd, opgelost en periodiek geevalueerd. incidenten worden gemeld volgens de incidentprocedure.",
  "k": "Norm",
  "n": "IM.01",
  "t": "IM.01 Incidentmanagement",
  "u": "normen/IM.01.html"
},
{
  "c": "",
  "fm": "im.02 incidentescalatie incident escalation ",
  "ft": "im.02 incidentescalatie",
  "fx": "als een incident niet binnen de afgesproken tijd is opgelost, wordt het volgens vaste afspraken opgeschaald. ",
  "k": "Norm",
  "n": "IM.02",
  "t": "IM.02 Incidentescalatie",
  "u": "normen/IM.02.html"
},
{
  "c": "",
  "fm": "im.03 reactie op (cyber)beveiligingsincidenten incident response on (cyber) security incidents ",
  "ft": "im.03 reactie op (cyber)beveiligingsincidenten",
  "fx": "de organisatie kan beveiligingsincidenten snel opmerken, indammen en de gevolgen beperken, en daarna de dienstverlening herstellen. ",
  "k": "Norm",
  "n": "IM.03",
  "t": "IM.03 Reactie op (cyber)beveiligingsincidenten",
  "u": "normen/IM.03.html"
},
{
  "c": "",
  "fm": "im.04 problemmanagement problem management ",
  "ft": "im.04 problemmanagement",
  "fx": "oorzaken van terugkerende of mogelijke incidenten worden opgespoord en structureel weggenomen. ",
  "k": "Norm",
  "n": "IM.04",
  "t": "IM.04 Problemmanagement",
  "u": "normen/IM.04.html"
},
{
  "c": "",
  "fm": "ch.01 standaarden en procedures voor wijzigingen change standards and procedures ",
  "ft": "ch.01 standaarden en procedures voor wijzigingen",
  "fx": "alle wijzigingen aan systemen, processen en instellingen lopen via een vastgelegde procedure. ",
  "k": "Norm",
  "n": "CH.01",
  "t": "CH.01 Standaarden en procedures voor wijzigingen",
  "u": "normen/CH.01.html"
},
{
  "c": "",
  "fm": "ch.02 impactanalyse, prioritering en autorisatie impact assessment, prioritization and authorization ",
  "ft": "ch.02 impactanalyse, prioritering en autorisatie",
  "fx": "elk wijzigingsverzoek wordt op gevolgen beoordeeld, ingedeeld en door een bevoegde persoon goedgekeurd. ",
  "k": "Norm",
  "n": "CH.02",
  "t": "CH.02 Impactanalyse, prioritering en autorisatie",
  "u": "normen/CH.02.html"
},
{
  "c": "",
  "fm": "ch.03 spoedwijzigingen emergency changes ",
  "ft": "ch.03 spoedwijzigingen",
  "fx": "wijzigingen die niet kunnen wachten, worden gecontroleerd doorgevoerd en achteraf alsnog vastgelegd en beoordeeld. ",
  "k": "Norm",
  "n": "CH.03",
  "t": "CH.03 Spoedwijzigingen",
  "u": "normen/CH.03.html"
},
{
  "c": "",
  "fm": "ch.04 testomgeving test environment ",
  "ft": "ch.04 testomgeving",
  "fx": "er is een veilige testomgeving die de productieomgeving voldoende nabootst. ",
  "k": "Norm",
  "n": "CH.04",
  "t": "CH.04 Testomgeving",
  "u": "normen/CH.04.html"
},
{
  "c": "",
  "fm": "ch.05 testen van wijzigingen testing of changes ",
  "ft": "ch.05 testen van wijzigingen",
  "fx": "wijzigingen worden volgens een testplan getest voordat ze in gebruik worden genomen. ",
  "k": "Norm",
  "n": "CH.05",
  "t": "CH.05 Testen van wijzigingen",
  "u": "normen/CH.05.html"
},
{
  "c": "",
  "fm": "ch.06 ingebruikname in productie promotion to production ",
  "ft": "ch.06 ingebruikname in productie",
  "fx": "na het testen wordt een wijziging gecontroleerd en met goedkeuring van de betrokkenen overgedragen aan de beheerorganisatie. ",
  "k": "Norm",
  "n": "CH.06",
  "t": "CH.06 Ingebruikname in productie",
  "u": "normen/CH.06.html"
},
{
  "c": "",
  "fm": "sd.01 methodiek veilige softwareontwikkeling en -implementatie methodology for secure development and implementation of software ",
  "ft": "sd.01 methodiek veilige softwareontwikkeling en -implementatie",
  "fx": "bij het zelf ontwikkelen of aanschaffen van software wordt een vaste aanpak gevolgd die beveiligingseisen vanaf het begin meeneemt. ",
  "k": "Norm",
  "n": "SD.01",
  "t": "SD.01 Methodiek veilige softwareontwikkeling en -implementatie",
  "u": "normen/SD.01.html"
},
{
  "c": "",
  "fm": "sd.02 toegang van ontwikkelaars tot productie developer access to production ",
  "ft": "sd.02 toegang van ontwikkelaars tot productie",
  "fx": "ontwikkelaars hebben geen of alleen beperkte en gecontroleerde toegang tot de productieomgeving. ",
  "k": "Norm",
  "n": "SD.02",
  "t": "SD.02 Toegang van ontwikkelaars tot productie",
  "u": "normen/SD.02.html"
},
{
  "c": "",
  "fm": "sd.03 dataconversie en -migratie data conversion and/or migration ",
  "ft": "sd.03 dataconversie en -migratie",
  "fx": "bij het overzetten van gegevens naar een ander systeem wordt gecontroleerd dat ze volledig en juist zijn overgekomen. ",
  "k": "Norm",
  "n": "SD.03",
  "t": "SD.03 Dataconversie en -migratie",
  "u": "normen/SD.03.html"
},
{
  "c": "",
  "fm": "dm.01 eigenaarschap van gegevens en systemen data (and system) ownership ",
  "ft": "dm.01 eigenaarschap van gegevens en systemen",
  "fx": "voor gegevens en informatiesystemen zijn eigenaren aangewezen die beslissen over classificatie en toegang. ",
  "k": "Norm",
  "n": "DM.01",
  "t": "DM.01 Eigenaarschap van gegevens en systemen",
  "u": "normen/DM.01.html"
},
{
  "c": "",
  "fm": "dm.02 classificatie classification ",
  "ft": "dm.02 classificatie",
  "fx": "informatie wordt ingedeeld naar gevoeligheid en belang, volgens een schema voor de hele organisatie. ",
  "k": "Norm",
  "n": "DM.02",
  "t": "DM.02 Classificatie",
  "u": "normen/DM.02.html"
},
{
  "c": "",
  "fm": "dm.03 beveiligingseisen bij gegevensbeheer security requirements for data management ",
  "ft": "dm.03 beveiligingseisen bij gegevensbeheer",
  "fx": "voor het ontvangen, verwerken, opslaan en verstrekken van gegevens gelden vastgelegde beveiligingseisen. ",
  "k": "Norm",
  "n": "DM.03",
  "t": "DM.03 Beveiligingseisen bij gegevensbeheer",
  "u": "normen/DM.03.html"
},
{
  "c": "",
  "fm": "dm.04 opslag en bewaartermijnen storage and retention arrangements ",
  "ft": "dm.04 opslag en bewaartermijnen",
  "fx": "er zijn afspraken over het opslaan, bewaren en archiveren van gegevens die aansluiten op wet- en regelgeving. ",
  "k": "Norm",
  "n": "DM.04",
  "t": "DM.04 Opslag en bewaartermijnen",
  "u": "normen/DM.04.html"
},
{
  "c": "",
  "fm": "dm.05 uitwisseling van (gevoelige) gegevens exchange of (sensitive) data ",
  "ft": "dm.05 uitwisseling van (gevoelige) gegevens",
  "fx": "als gegevens worden uitgewisseld of verstuurd, blijven ze beschermd volgens de gestelde eisen. ",
  "k": "Norm",
  "n": "DM.05",
  "t": "DM.05 Uitwisseling van (gevoelige) gegevens",
  "u": "normen/DM.05.html"
},
{
  "c": "",
  "fm": "dm.06 vernietiging disposal ",
  "ft": "dm.06 vernietiging",
  "fx": "gegevens en gegevensdragers worden bij afvoer of hergebruik zo vernietigd of gewist dat ze niet meer te herstellen zijn. ",
  "k": "Norm",
  "n": "DM.06",
  "t": "DM.06 Vernietiging",
  "u": "normen/DM.06.html"
},
{
  "c": "",
  "fm": "id.01 toegangsrechten toewijzen access rules ",
  "ft": "id.01 toegangsrechten toewijzen",
  "fx": "toegang wordt verleend via vastgestelde rollen of groepen, vastgelegd in een autorisatiematrix die rekening houdt met functiescheiding. ",
  "k": "Norm",
  "n": "ID.01",
  "t": "ID.01 Toegangsrechten toewijzen",
  "u": "normen/ID.01.html"
},
{
  "c": "",
  "fm": "id.02 administratie van toegangsrechten access rights administration ",
  "ft": "id.02 administratie van toegangsrechten",
  "fx": "toegangsrechten passen bij de functie, en aanvragen, wijzigen en intrekken ervan verlopen via een vastgelegde procedure. ",
  "k": "Norm",
  "n": "ID.02",
  "t": "ID.02 Administratie van toegangsrechten",
  "u": "normen/ID.02.html"
},
{
  "c": "",
  "fm": "id.03 beheerders met verhoogde rechten super users ",
  "ft": "id.03 beheerders met verhoogde rechten",
  "fx": "accounts met vergaande rechten zijn beperkt tot een kleine groep, en wat daarmee gebeurt wordt bewaakt. ",
  "k": "Norm",
  "n": "ID.03",
  "t": "ID.03 Beheerders met verhoogde rechten",
  "u": "normen/ID.03.html"
},
{
  "c": "",
  "fm": "id.04 enveloppeprocedure envelope procedure ",
  "ft": "id.04 enveloppeprocedure",
  "fx": "noodtoegang tot beheeraccounts is geregeld via een gecontroleerde procedure die ook wordt nageleefd. ",
  "k": "Norm",
  "n": "ID.04",
  "t": "ID.04 Enveloppeprocedure",
  "u": "normen/ID.04.html"
},
{
  "c": "",
  "fm": "id.05 periodieke beoordeling van toegangsrechten periodic review of access rights ",
  "ft": "id.05 periodieke beoordeling van toegangsrechten",
  "fx": "leidinggevenden controleren regelmatig of de toegekende rechten in de systemen nog kloppen met wat is afgesproken. ",
  "k": "Norm",
  "n": "ID.05",
  "t": "ID.05 Periodieke beoordeling van toegangsrechten",
  "u": "normen/ID.05.html"
},
{
  "c": "",
  "fm": "sm.01 beveiligingsbaselines security baselines ",
  "ft": "sm.01 beveiligingsbaselines",
  "fx": "voor de ict-omgeving zijn minimale beveiligingsinstellingen vastgesteld en ingevoerd om ongeautoriseerde toegang te beperken. ",
  "k": "Norm",
  "n": "SM.01",
  "t": "SM.01 Beveiligingsbaselines",
  "u": "normen/SM.01.html"
},
{
  "c": "",
  "fm": "sm.02 authenticatiemechanismes authentication mechanisms ict-coordinator",
  "ft": "sm.02 authenticatiemechanismes",
  "fx": "iedere gebruiker is uniek herkenbaar en logt op een passende, sterke manier in, bijvoorbeeld met meerfactorauthenticatie (mfa). mfa is nog niet overal ingevoerd.",
  "k": "Norm",
  "n": "SM.02",
  "t": "SM.02 Authenticatiemechanismes",
  "u": "normen/SM.02.html"
},
{
  "c": "",
  "fm": "sm.03 mobiele apparaten en telewerken mobile devices and teleworking ",
  "ft": "sm.03 mobiele apparaten en telewerken",
  "fx": "laptops, telefoons en thuiswerkplekken zijn beveiligd, onder meer met apparaatbeheer, versleuteling en bescherming tegen malware. ",
  "k": "Norm",
  "n": "SM.03",
  "t": "SM.03 Mobiele apparaten en telewerken",
  "u": "normen/SM.03.html"
},
{
  "c": "",
  "fm": "sm.04 logging systeemactiviteiten logging ",
  "ft": "sm.04 logging systeemactiviteiten",
  "fx": "wat er moet worden gelogd is bepaald en ingericht; logbestanden worden bewaard, beschermd en periodiek bekeken. ",
  "k": "Norm",
  "n": "SM.04",
  "t": "SM.04 Logging systeemactiviteiten",
  "u": "normen/SM.04.html"
},
{
  "c": "",
  "fm": "sm.05 testen, inspectie en toezicht beveiliging security testing, surveillance and monitoring ",
  "ft": "sm.05 testen, inspectie en toezicht beveiliging",
  "fx": "de werking van beveiligingsmaatregelen wordt actief getest en bewaakt, bijvoorbeeld met scans en penetratietests. ",
  "k": "Norm",
  "n": "SM.05",
  "t": "SM.05 Testen, inspectie en toezicht beveiliging",
  "u": "normen/SM.05.html"
},
{
  "c": "",
  "fm": "sm.06 patchmanagement patch management ",
  "ft": "sm.06 patchmanagement",
  "fx": "beveiligingsupdates worden volgens vastgesteld beleid en binnen afgesproken termijnen geinstalleerd. ",
  "k": "Norm",
  "n": "SM.06",
  "t": "SM.06 Patchmanagement",
  "u": "normen/SM.06.html"
},
{
  "c": "",
  "fm": "sm.07 threat- en vulnerabilitymanagement threat and vulnerability management ",
  "ft": "sm.07 threat- en vulnerabilitymanagement",
  "fx": "dreigingen en kwetsbaarheden worden gevolgd en tijdig verholpen voordat ze de beveiliging aantasten. ",
  "k": "Norm",
  "n": "SM.07",
  "t": "SM.07 Threat- en vulnerabilitymanagement",
  "u": "normen/SM.07.html"
},
{
  "c": "",
  "fm": "sm.08 beschikbaarheid en bescherming infrastructuur infrastructure resource protection and availability ",
  "ft": "sm.08 beschikbaarheid en bescherming infrastructuur",
  "fx": "bij het inrichten en onderhouden van hardware en infrastructuur zijn maatregelen genomen voor beveiliging, controleerbaarheid en beschikbaarheid. ",
  "k": "Norm",
  "n": "SM.08",
  "t": "SM.08 Beschikbaarheid en bescherming infrastructuur",
  "u": "normen/SM.08.html"
},
{
  "c": "",
  "fm": "sm.09 onderhoud van de infrastructuur infrastructure maintenance ",
  "ft": "sm.09 onderhoud van de infrastructuur",
  "fx": "onderhoud aan de infrastructuur volgt een plan en verloopt via het wijzigingsbeheer. ",
  "k": "Norm",
  "n": "SM.09",
  "t": "SM.09 Onderhoud van de infrastructuur",
  "u": "normen/SM.09.html"
},
{
  "c": "",
  "fm": "sm.10 cryptografisch sleutelmanagement cryptographic key management ",
  "ft": "sm.10 cryptografisch sleutelmanagement",
  "fx": "het aanmaken, verspreiden, bewaren, vervangen en intrekken van cryptografische sleutels en certificaten is geregeld. ",
  "k": "Norm",
  "n": "SM.10",
  "t": "SM.10 Cryptografisch sleutelmanagement",
  "u": "normen/SM.10.html"
},
{
  "c": "",
  "fm": "sm.11 netwerkbeveiliging network security ",
  "ft": "sm.11 netwerkbeveiliging",
  "fx": "het netwerk is beschermd met onder meer firewalls, segmentatie en detectie, zodat alleen toegestaan verkeer mogelijk is. ",
  "k": "Norm",
  "n": "SM.11",
  "t": "SM.11 Netwerkbeveiliging",
  "u": "normen/SM.11.html"
},
{
  "c": "",
  "fm": "sm.12 beheersing van malware-aanvallen manage malware attacks ",
  "ft": "sm.12 beheersing van malware-aanvallen",
  "fx": "met preventieve, detecterende en herstellende maatregelen wordt de organisatie beschermd tegen virussen en andere malware. ",
  "k": "Norm",
  "n": "SM.12",
  "t": "SM.12 Beheersing van malware-aanvallen",
  "u": "normen/SM.12.html"
},
{
  "c": "",
  "fm": "sm.13 bescherming van beveiligingstechnologie protection of security technology ",
  "ft": "sm.13 bescherming van beveiligingstechnologie",
  "fx": "beveiligingsvoorzieningen zijn beschermd tegen manipulatie en documentatie erover wordt niet onnodig gedeeld. ",
  "k": "Norm",
  "n": "SM.13",
  "t": "SM.13 Bescherming van beveiligingstechnologie",
  "u": "normen/SM.13.html"
},
{
  "c": "",
  "fm": "ph.01 fysieke beveiligingsmaatregelen physical security measures ",
  "ft": "ph.01 fysieke beveiligingsmaatregelen",
  "fx": "werkplekken en ruimtes zijn fysiek beveiligd, passend bij de informatie en apparatuur die er zijn. ",
  "k": "Norm",
  "n": "PH.01",
  "t": "PH.01 Fysieke beveiligingsmaatregelen",
  "u": "normen/PH.01.html"
},
{
  "c": "",
  "fm": "ph.02 beheer van fysieke toegangsrechten physical access rights management ",
  "ft": "ph.02 beheer van fysieke toegangsrechten",
  "fx": "toegang tot serverruimtes en andere kritieke ruimtes wordt volgens een procedure verleend, beperkt en ingetrokken. ",
  "k": "Norm",
  "n": "PH.02",
  "t": "PH.02 Beheer van fysieke toegangsrechten",
  "u": "normen/PH.02.html"
},
{
  "c": "",
  "fm": "op.01 geautomatiseerde taakverwerking job processing ",
  "ft": "op.01 geautomatiseerde taakverwerking",
  "fx": "geplande en geautomatiseerde taken, zoals koppelingen tussen systemen, worden ingericht volgens een procedure en bewaakt. ",
  "k": "Norm",
  "n": "OP.01",
  "t": "OP.01 Geautomatiseerde taakverwerking",
  "u": "normen/OP.01.html"
},
{
  "c": "",
  "fm": "op.02 procedures voor back-up en herstel backup and recovery procedures ",
  "ft": "op.02 procedures voor back-up en herstel",
  "fx": "van belangrijke gegevens en programma's worden regelmatig back-ups gemaakt, en terugzetten wordt volgens vaste procedures beproefd. ",
  "k": "Norm",
  "n": "OP.02",
  "t": "OP.02 Procedures voor back-up en herstel",
  "u": "normen/OP.02.html"
},
{
  "c": "",
  "fm": "op.03 capaciteits- en prestatiebeheer capacity and performance management ",
  "ft": "op.03 capaciteits- en prestatiebeheer",
  "fx": "er wordt bewaakt dat ict-diensten en infrastructuur genoeg capaciteit hebben om de afgesproken prestaties te leveren. ",
  "k": "Norm",
  "n": "OP.03",
  "t": "OP.03 Capaciteits- en prestatiebeheer",
  "u": "normen/OP.03.html"
},
{
  "c": "",
  "fm": "bc.01 continuiteitsplanning business continuity planning ",
  "ft": "bc.01 continuiteitsplanning",
  "fx": "er zijn continuiteitsplannen die de gevolgen van een ernstige verstoring voor het onderwijs en de bedrijfsvoering beperken. ",
  "k": "Norm",
  "n": "BC.01",
  "t": "BC.01 Continuïteitsplanning",
  "u": "normen/BC.01.html"
},
{
  "c": "",
  "fm": "bc.02 testen van uitwijk en herstel testing of disaster recovery ",
  "ft": "bc.02 testen van uitwijk en herstel",
  "fx": "de continuiteitsplannen worden regelmatig getest en gevonden tekortkomingen worden opgelost. ",
  "k": "Norm",
  "n": "BC.02",
  "t": "BC.02 Testen van uitwijk en herstel",
  "u": "normen/BC.02.html"
},
{
  "c": "",
  "fm": "bc.03 offsite back-upopslag off site backup storage ",
  "ft": "bc.03 offsite back-upopslag",
  "fx": "back-ups en wat nodig is voor herstel worden op een andere locatie bewaard dan de systemen zelf. ",
  "k": "Norm",
  "n": "BC.03",
  "t": "BC.03 Offsite back-upopslag",
  "u": "normen/BC.03.html"
},
{
  "c": "",
  "fm": "bc.04 gegevensreplicatie data replication ",
  "ft": "bc.04 gegevensreplicatie",
  "fx": "kritieke gegevens worden gerepliceerd naar een uitwijklocatie, zodat ze bij uitval beschikbaar blijven. ",
  "k": "Norm",
  "n": "BC.04",
  "t": "BC.04 Gegevensreplicatie",
  "u": "normen/BC.04.html"
},
{
  "c": "",
  "fm": "bc.05 crisismanagement crisis management ",
  "ft": "bc.05 crisismanagement",
  "fx": "de organisatie kan bij een crisis snel en gecoordineerd optreden om schade te beperken en te herstellen. ",
  "k": "Norm",
  "n": "BC.05",
  "t": "BC.05 Crisismanagement",
  "u": "normen/BC.05.html"
},
{
  "c": "",
  "fm": "sc.01 dienstverleningsovereenkomst service level agreement ",
  "ft": "sc.01 dienstverleningsovereenkomst",
  "fx": "diensten van leveranciers zijn vastgelegd in een contract met afspraken over niveau en beveiliging. ",
  "k": "Norm",
  "n": "SC.01",
  "t": "SC.01 Dienstverleningsovereenkomst",
  "u": "normen/SC.01.html"
},
{
  "c": "",
  "fm": "sc.02 servicelevelmanagement service level management ",
  "ft": "sc.02 servicelevelmanagement",
  "fx": "afspraken over dienstverlening worden periodiek getoetst aan wat het onderwijs en de organisatie nodig hebben. ",
  "k": "Norm",
  "n": "SC.02",
  "t": "SC.02 Servicelevelmanagement",
  "u": "normen/SC.02.html"
},
{
  "c": "",
  "fm": "sc.03 leveranciersrisicomanagement supplier risk management ",
  "ft": "sc.03 leveranciersrisicomanagement",
  "fx": "risico's rond de continuiteit en veiligheid van leveranciers worden doorlopend in kaart gebracht en beperkt. ",
  "k": "Norm",
  "n": "SC.03",
  "t": "SC.03 Leveranciersrisicomanagement",
  "u": "normen/SC.03.html"
},
{
  "c": "",
  "fm": "sc.04 interne beheersing bij derden internal control at third parties ",
  "ft": "sc.04 interne beheersing bij derden",
  "fx": "er wordt nagegaan of leveranciers hun eigen beheersmaatregelen op orde hebben, bijvoorbeeld via certificaten of verklaringen. ",
  "k": "Norm",
  "n": "SC.04",
  "t": "SC.04 Interne beheersing bij derden",
  "u": "normen/SC.04.html"
},
{
  "c": "",
  "fm": "pr.03 verwerkingsregister actualisatie  ",
  "ft": "pr.03 verwerkingsregister actualisatie",
  "fx": "het register van verwerkingen van persoonsgegevens wordt actueel gehouden als processen of systemen veranderen. ",
  "k": "Norm",
  "n": "PR.03",
  "t": "PR.03 Verwerkingsregister actualisatie",
  "u": "normen/PR.03.html"
},
{
  "c": "",
  "fm": "pr.07 bewaar- en vernietigingsbeleid  ",
  "ft": "pr.07 bewaar- en vernietigingsbeleid",
  "fx": "er is beleid over hoe lang persoonsgegevens worden bewaard en hoe ze daarna worden vernietigd. ",
  "k": "Norm",
  "n": "PR.07",
  "t": "PR.07 Bewaar- en vernietigingsbeleid",
  "u": "normen/PR.07.html"
},
{
  "c": "",
  "fm": "rb.03 toestemming  ",
  "ft": "rb.03 toestemming",
  "fx": "waar een verwerking op toestemming rust, wordt die op de juiste manier gevraagd, vastgelegd en kan die worden ingetrokken. ",
  "k": "Norm",
  "n": "RB.03",
  "t": "RB.03 Toestemming",
  "u": "normen/RB.03.html"
},
{
  "c": "",
  "fm": "rb.04 geautomatiseerde besluitvorming en/of profilering  ",
  "ft": "rb.04 geautomatiseerde besluitvorming en/of profilering",
  "fx": "besluiten over leerlingen of medewerkers worden niet zonder menselijke tussenkomst door systemen genomen, tenzij dat wettelijk is toegestaan en is geregeld. ",
  "k": "Norm",
  "n": "RB.04",
  "t": "RB.04 Geautomatiseerde besluitvorming en/of profilering",
  "u": "normen/RB.04.html"
},
{
  "c": "",
  "fm": "sw.01 avg-rollen  ",
  "ft": "sw.01 avg-rollen",
  "fx": "per samenwerking en leverancier is duidelijk wie verwerkingsverantwoordelijke en wie verwerker is, en dat is contractueel geregeld. ",
  "k": "Norm",
  "n": "SW.01",
  "t": "SW.01 AVG-rollen",
  "u": "normen/SW.01.html"
},
{
  "c": "",
  "fm": "sw.03 doorgifte buiten de eer  ",
  "ft": "sw.03 doorgifte buiten de eer",
  "fx": "persoonsgegevens gaan alleen naar landen buiten de europese economische ruimte als daarvoor passende waarborgen zijn. ",
  "k": "Norm",
  "n": "SW.03",
  "t": "SW.03 Doorgifte buiten de EER",
  "u": "normen/SW.03.html"
},
{
  "c": "",
  "fm": "gb.01 datalekken detectie, classificatie en afhandeling  ",
  "ft": "gb.01 datalekken detectie, classificatie en afhandeling",
  "fx": "datalekken worden opgemerkt, beoordeeld op ernst en volgens een vaste procedure afgehandeld en geregistreerd. ",
  "k": "Norm",
  "n": "GB.01",
  "t": "GB.01 Datalekken detectie, classificatie en afhandeling",
  "u": "normen/GB.01.html"
},
{
  "c": "",
  "fm": "gb.02 melding datalekken  ",
  "ft": "gb.02 melding datalekken",
  "fx": "datalekken die gemeld moeten worden, worden tijdig gemeld bij de toezichthouder en waar nodig bij de betrokkenen. ",
  "k": "Norm",
  "n": "GB.02",
  "t": "GB.02 Melding datalekken",
  "u": "normen/GB.02.html"
},
{
  "c": "",
  "fm": "gb.03 beveiliging persoonsgegevens  ",
  "ft": "gb.03 beveiliging persoonsgegevens",
  "fx": "persoonsgegevens worden beschermd met technische en organisatorische maatregelen die passen bij het risico. ",
  "k": "Norm",
  "n": "GB.03",
  "t": "GB.03 Beveiliging persoonsgegevens",
  "u": "normen/GB.03.html"
},
{
  "c": "",
  "fm": "vw.01 rapportage naleving avg  ",
  "ft": "vw.01 rapportage naleving avg",
  "fx": "er wordt periodiek gerapporteerd over hoe de organisatie de avg naleeft, zodat het bestuur verantwoording kan afleggen. ",
  "k": "Norm",
  "n": "VW.01",
  "t": "VW.01 Rapportage naleving AVG",
  "u": "normen/VW.01.html"
},
{
  "c": "openbaar",
  "fm": "go.02 go.01 bestuurssecretaris beleid",
  "ft": "informatiebeveiligingsbeleid",
  "fx": "doel dit beleid geeft invulling aan go.02. zie de incidentprocedure en het pentestrapport. details meer over sm.02 volgt; deze zin kwam na de vaststelling. welke gegevens we verwerken staat in het register van verwerkingen, bijvoorbeeld de leerlingadministratie.",
  "k": "beleid",
  "n": "GO.02, GO.01",
  "t": "Informatiebeveiligingsbeleid",
  "u": "documenten/beleid-ib-beleid.html"
},
{
  "c": "intern",
  "fm": "im.01 ict-coordinator procedure",
  "ft": "incidentprocedure",
  "fx": "meld incidenten bij de servicedesk (im.01). zie het beleid. schema",
  "k": "procedure",
  "n": "IM.01",
  "t": "Incidentprocedure",
  "u": "documenten/procedures-incident.html"
}
  ]);
}());

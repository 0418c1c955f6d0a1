// normfolio's search index: it hands its entries only to the search page of its own site.
"use strict";
(function () {
  var receive = typeof normfolioReceiveIndex === "function" ? normfolioReceiveIndex : null;
  if (receive === null || receive() !== "bf53202aa3df6fadabe2e84e8298fd7a") { return; }
  receive([
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

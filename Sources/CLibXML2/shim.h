// libxml2's HTML parser (Debian libxml2-dev), for the safe subset of raw HTML in Markdown bodies.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU that Foundation carries.
// normfolio never touches the encoding handlers, the only structures that differ without it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

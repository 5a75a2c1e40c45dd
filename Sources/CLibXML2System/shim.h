// Only for CLibXML2's C file: this module brings libxml2's include path and library
// (pkg-config libxml-2.0). Swift never imports it, since libxml2's headers bring ICU's.
#include <libxml/HTMLparser.h>

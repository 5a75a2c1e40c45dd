#ifndef BG_HTML_H
#define BG_HTML_H

#include <stddef.h>

// A plain-C view of libxml2's HTML parser and tree. libxml2's own headers are
// included only in the .c file: built with ICU, they pull in ICU's headers, which
// clash in Swift with the ICU that Foundation ships (as CICU's do).

// Kinds of node, as libxml2 numbers them.
enum { BG_HTML_ELEMENT = 1, BG_HTML_TEXT = 3, BG_HTML_CDATA = 4 };

// Parses UTF-8 HTML tolerantly (recover, no network, the page's own charset ignored:
// the caller has decoded it). NULL when libxml2 makes no document at all.
void *bg_html_parse(const char *utf8, int length);
// Parses an XML document (a Word file's parts) without the network, without loading a
// DTD and without substituting entities, so that a file cannot make it fetch or expand.
void *bg_xml_parse(const char *utf8, int length);
void bg_html_free(void *document);
// The root element, or NULL.
void *bg_html_root(void *document);

int bg_html_type(const void *node);
// An element's tag name (lower case as libxml2's HTML parser gives it), or NULL.
const char *bg_html_name(const void *node);
// A text node's text, or NULL.
const char *bg_html_content(const void *node);
const void *bg_html_first_child(const void *node);
const void *bg_html_next(const void *node);
// An attribute's value, to be released with bg_html_release; NULL when absent.
char *bg_html_attribute(const void *node, const char *name);
void bg_html_release(char *value);

#endif

#include "bg_html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

void *bg_html_parse(const char *utf8, int length) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    return htmlReadMemory(utf8, length, NULL, "UTF-8", options);
}

void *bg_xml_parse(const char *utf8, int length) {
    return xmlReadMemory(utf8, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
}

void bg_html_free(void *document) {
    if (document) xmlFreeDoc((xmlDocPtr)document);
}

void *bg_html_root(void *document) {
    return document ? xmlDocGetRootElement((xmlDocPtr)document) : NULL;
}

int bg_html_type(const void *node) { return (int)((const xmlNode *)node)->type; }

const char *bg_html_name(const void *node) { return (const char *)((const xmlNode *)node)->name; }

const char *bg_html_content(const void *node) { return (const char *)((const xmlNode *)node)->content; }

const void *bg_html_first_child(const void *node) { return ((const xmlNode *)node)->children; }

const void *bg_html_next(const void *node) { return ((const xmlNode *)node)->next; }

char *bg_html_attribute(const void *node, const char *name) {
    return (char *)xmlGetProp((const xmlNode *)node, (const xmlChar *)name);
}

void bg_html_release(char *value) {
    if (value) xmlFree(value);
}

/*
 * xml_config — salesgen.xml, the optional project settings:
 *
 *	<course lang="nl">
 *	  <title>..</title> <subtitle>..</subtitle> <author>..</author>
 *	  <html raw="no"/>  <site edition="student"/>
 *	  <chapters> <chapter>01-klant.md</chapter> ... </chapters>
 *	</course>
 */
#include "xml.h"
#include "file.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

static char *
S_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s, *b, *e;

	if (t == NULL)
		return xstrdup("");
	for (b = (char *)t; *b == ' ' || *b == '\n' || *b == '\t' ||
	    *b == '\r'; b++)
		;
	e = b + strlen(b);
	while (e > b && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
	    e[-1] == '\r'))
		e--;
	s = xstrndup(b, (size_t)(e - b));
	xmlFree(t);
	return s;
}

/* Reads attribute name of n; returns 1 for "yes"/"true"/"1", 0 for
 * "no"/"false"/"0", -1 when absent, -2 (with a diagnostic) otherwise. */
static int
S_bool_attr(xmlNodePtr n, const char *name, const char *path,
    struct diag_list *dl)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	int r;

	if (v == NULL)
		return -1;
	if (!strcmp((char *)v, "yes") || !strcmp((char *)v, "true") ||
	    !strcmp((char *)v, "1"))
		r = 1;
	else if (!strcmp((char *)v, "no") || !strcmp((char *)v, "false") ||
	    !strcmp((char *)v, "0"))
		r = 0;
	else {
		diag_add(dl, DIAG_CONFIG_VALUE, path, n->line, 0, (char *)v,
		    name, "yes or no");
		r = -2;
	}
	xmlFree(v);
	return r;
}

static void
S_prop(xmlNodePtr n, const char *name, char **dst)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	if (v != NULL) {
		free(*dst);
		*dst = xstrdup((char *)v);
		xmlFree(v);
	}
}

static void
S_set(char **dst, char *s)
{
	free(*dst);
	*dst = s;
}

int
xml_config(const char *path, struct course *c, char ***list, size_t *nlist,
    struct diag_list *dl)
{
	xmlDocPtr doc;
	xmlNodePtr root, n, k;
	xmlChar *v;
	char *src, *name;
	size_t len, i;
	int rc = 0, b;

	if ((src = file_read_in(c->dir, path, &len, dl)) == NULL)
		return -1;
	doc = xml_read(src, len, path, dl);
	free(src);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "course") != 0) {
		diag_add(dl, DIAG_CONFIG_ROOT, path, root ? root->line : 1, 0,
		    root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return -1;
	}
	if ((v = xmlGetProp(root, (const xmlChar *)"lang")) != NULL) {
		if (strcmp((char *)v, "nl") && strcmp((char *)v, "en")) {
			diag_add(dl, DIAG_CONFIG_VALUE, path, root->line, 0,
			    (char *)v, "lang", "nl or en");
			rc = -1;
		} else
			S_set(&c->lang, xstrdup((char *)v));
		xmlFree(v);
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (char *)n->name;
		if (strcmp(name, "title") == 0)
			S_set(&c->title, S_text(n));
		else if (strcmp(name, "subtitle") == 0)
			S_set(&c->subtitle, S_text(n));
		else if (strcmp(name, "author") == 0)
			S_set(&c->author, S_text(n));
		else if (strcmp(name, "html") == 0) {
			if ((b = S_bool_attr(n, "raw", path, dl)) == -2)
				rc = -1;
			else if (b >= 0)
				c->raw_html = b;
		} else if (strcmp(name, "site") == 0) {
			if ((v = xmlGetProp(n, (const xmlChar *)"edition"))) {
				if (!strcmp((char *)v, "student"))
					c->site_edition = EDITION_STUDENT;
				else if (!strcmp((char *)v, "teacher"))
					c->site_edition = EDITION_TEACHER;
				else {
					diag_add(dl, DIAG_CONFIG_VALUE, path,
					    n->line, 0, (char *)v, "edition",
					    "student or teacher");
					rc = -1;
				}
				xmlFree(v);
			}
		} else if (strcmp(name, "pdf") == 0) {
			if ((v = xmlGetProp(n, (const xmlChar *)"paper"))) {
				if (!strcmp((char *)v, "letter"))
					c->letter = 1;
				else if (strcmp((char *)v, "a4")) {
					diag_add(dl, DIAG_CONFIG_VALUE, path,
					    n->line, 0, (char *)v, "paper",
					    "a4 or letter");
					rc = -1;
				}
				xmlFree(v);
			}
			if ((b = S_bool_attr(n, "ragged", path, dl)) == -2)
				rc = -1;
			else if (b >= 0)
				c->ragged = b;
			for (k = n->children; k != NULL; k = k->next) {
				if (k->type != XML_ELEMENT_NODE)
					continue;
				if (!strcmp((char *)k->name, "fonts")) {
					S_prop(k, "serif", &c->serif);
					S_prop(k, "sans", &c->sans);
					S_prop(k, "mono", &c->mono);
				} else if (!strcmp((char *)k->name, "afbreken")) {
					/* words as they may break, by spaces */
					char *t = S_text(k), *w, *save = NULL;

					for (w = strtok_r(t, " \t\n\r", &save);
					    w != NULL;
					    w = strtok_r(NULL, " \t\n\r", &save)) {
						c->hyphens = xrealloc(c->hyphens,
						    (c->nhyphens + 1) *
						    sizeof(*c->hyphens));
						c->hyphens[c->nhyphens++] =
						    xstrdup(w);
					}
					free(t);
				} else
					diag_add(dl, DIAG_CONFIG_ELEM, path,
					    k->line, 0, (char *)k->name, "pdf");
			}
		} else if (strcmp(name, "mailing") == 0) {
			xmlChar *tp = xmlGetProp(n, (const xmlChar *)"template");
			xmlChar *rp = xmlGetProp(n, (const xmlChar *)"rijen");

			if (tp == NULL || rp == NULL ||
			    !file_rel_inside((char *)tp) ||
			    !file_rel_inside((char *)rp)) {
				diag_add(dl, DIAG_CONFIG_VALUE, path, n->line,
				    0, tp ? (char *)tp : "", "mailing",
				    "template=\"FILE.xml\" rijen=\"FILE.csv\" inside content/");
				rc = -1;
			} else {
				c->mail = xrealloc(c->mail, (c->nmail + 1) *
				    sizeof(*c->mail));
				c->mail[c->nmail].tmpl = xstrdup((char *)tp);
				c->mail[c->nmail].rows = xstrdup((char *)rp);
				c->mail[c->nmail].line = n->line;
				c->nmail++;
			}
			if (tp)
				xmlFree(tp);
			if (rp)
				xmlFree(rp);
		} else if (strcmp(name, "chapters") == 0) {
			for (k = n->children; k != NULL; k = k->next) {
				if (k->type != XML_ELEMENT_NODE)
					continue;
				if (strcmp((char *)k->name, "chapter") != 0) {
					diag_add(dl, DIAG_CONFIG_ELEM, path,
					    k->line, 0, (char *)k->name,
					    "chapters");
					continue;
				}
				src = S_text(k);
				if (!file_rel_inside(src)) {
					diag_add(dl, DIAG_PATH_ESCAPE, path,
					    k->line, 0, src);
					free(src);
					rc = -1;
					continue;
				}
				for (i = 0; i < *nlist; i++)
					if (strcmp((*list)[i], src) == 0)
						break;
				if (i < *nlist) {
					diag_add(dl, DIAG_CONFIG_DUP, path,
					    k->line, 0, src);
					free(src);
					rc = -1;
					continue;
				}
				*list = xrealloc(*list, (*nlist + 1) *
				    sizeof(**list));
				(*list)[(*nlist)++] = src;
			}
		} else
			diag_add(dl, DIAG_CONFIG_ELEM, path, n->line, 0, name,
			    "course");
	}
	xmlFreeDoc(doc);
	return rc;
}

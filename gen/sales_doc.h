/*
 * sales_doc — the arithmetic of each document kind applied to its data:
 * from the values as written (xml_data.c) to the context its template
 * reads, every amount computed with sales.c and formatted for the
 * document's language.  A kind without computations passes its data
 * through.  Adding a kind means a line in sales_kinds[] (sales_doc.c),
 * its templates (nl/KIND.md, en/KIND.md, new/KIND.xml), its element in
 * the schema, its section in salesgen-data(5) and, where it computes, its
 * context function here; render, new, the usage text and the tests
 * (test_kinds.c) take it from the table.
 */
#ifndef SALESGEN_SALES_DOC_H
#define SALESGEN_SALES_DOC_H

#include "diag.h"

struct buf;
struct sctx;
struct val;

/* A kind of sales document. */
struct sales_kind {
	const char	*name;		/* the root element and the templates'
					   name: "offerte" */
	/* the context its template reads, from the data (sales_doc.c
	 * only); NULL: the data as it is */
	struct val	*(*context)(struct sctx *, const struct val *data);
	const char	*title_nl;	/* a document's title without <titel> */
	const char	*title_en;
	int		 numbered;	/* the title is followed by <nummer> */
	const char	*starter;	/* salesgen new: the theme's starting
					   file, "new/offerte.xml" */
	/* a bron="x.csv" part: the rows' element ("klant") and the column
	 * each row must have ("omzet12"); NULL when the kind has none */
	const char	*csv_key;
	const char	*csv_need;
};

/* The kinds, sales_nkinds of them, in the order they are listed. */
extern const struct sales_kind sales_kinds[];
extern const size_t sales_nkinds;

/* The kind named name, or NULL. */
const struct sales_kind *sales_kind(const char *name);
/* Appends the kinds' names to out: "offerte, sellogram, ... last leads"
 * (last "or", "and"). */
void	sales_kind_names(struct buf *out, const char *last);
/* k's title in lang ("en", else Dutch). */
const char *sales_kind_title(const struct sales_kind *k, const char *lang);


/* Returns a new context (free with val_free()) for kind's template, or
 * NULL after adding diagnostics at path (a value the schema let through
 * but the arithmetic cannot use, such as a price below the variable
 * cost).  CSV parts (bron="...") have been read into data already. */
struct val *sales_context(const char *kind, const struct val *data,
    const char *lang, const char *path, struct diag_list *);

/*
 * Applies a client's selection to an offerte's data (data is changed in
 * place), as the interactive HTML offer lets the client make it:
 * comma-separated items, lines and choices numbered from 1 in document
 * order (a <keuze>'s lines counted where they stand):
 *	regelN=on	the optional line N is taken (no longer optional)
 *	regelN=off	it is not (as the data has it)
 *	regelN=Q	line N's quantity is Q, within its aantal-min..-max
 *	keuzeN=K	the K-th line of <keuze> N is the chosen one
 * Returns 0, or -1 after adding a DIAG_SELECT for each bad item.
 */
int	sales_select(struct val *data, const char *spec, struct diag_list *);

#endif

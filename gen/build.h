/*
 * build — the commands: a project built (site, handouts, mailings) or
 * checked, one file rendered or checked, a mailing merged, an offer
 * verified, a starting file written.  main.c parses the command line into
 * a struct build_opts and calls one of these; everything a command does
 * lives here or below.
 *
 * Each returns 0, -1 after adding an error to dl (nothing half-written is
 * left), or BUILD_USAGE after adding a DIAG_USAGE (the command line
 * asked for something that cannot be: main.c says "Try --help" and exits
 * 2).  Diagnostics stay in dl for the caller to print, except that
 * build_project() prints those of the scan before the outputs' summary
 * lines, which it prints itself (unless quiet).  Nothing here owns the
 * options.
 */
#ifndef SALESGEN_BUILD_H
#define SALESGEN_BUILD_H

#include <stddef.h>

#include "diag.h"

#define BUILD_USAGE	(-2)

struct build_opts {
	const char	*cmd;
	const char	*arg;		/* DIR or IN */
	const char	*arg2;		/* ROWS.csv (merge), NAME (new),
					   DATA.xml (verify) */
	const char	*out;		/* -o */
	const char	*only;		/* --only */
	const char	*type;		/* -t */
	const char	*lang;		/* --lang */
	int		 edition;	/* -1 = the command's default */
	int		 fragment;
	int		 letter, ragged;
	int		 pdf_standard;	/* --pdf-standard: enum pdf_standard */
	int		 jobs;		/* -j */
	int		 quiet, verbose, strict;
	const char	*select;	/* --select SPEC (render, an offerte) */
	const char	*shard;		/* --shard I/N, as given */
	size_t		 shard_i, shard_n;
	char		**ignore;	/* --ignore COLUMN, each */
	size_t		 nignore;
	int		 port;		/* --port (serve); -1 = its default */
	const char	*bind;		/* --bind ADDR (serve) */
	int		 open;		/* --open (serve) */
};

/* build DIR (write 1) or check DIR (write 0): the project at o->arg
 * (default "."), into DIR/out/. */
int	build_project(const struct build_opts *o, int write,
	    struct diag_list *dl);
/* render IN: a chapter (Markdown) or a data document (.xml) as a PDF,
 * an HTML page or fragment, or (-t md, data) the Markdown made. */
int	build_render(const struct build_opts *o, struct diag_list *dl);
/* check FILE: the checks render makes on it, writing nothing. */
int	build_check_file(const struct build_opts *o, struct diag_list *dl);
/* verify DOC DATA: whether the offer DOC was made from DATA. */
int	build_verify(const struct build_opts *o, struct diag_list *dl);
/* merge TEMPLATE ROWS -o DIR: one document per row. */
int	build_merge(const struct build_opts *o, struct diag_list *dl);
/* new KIND NAME: the kind's starting file, as NAME.xml. */
int	build_new(const struct build_opts *o, struct diag_list *dl);

/* Appends the usage text (--help) to out: the commands, the kinds of
 * document (from sales_kinds[]) and the common options. */
struct buf;
void	build_usage(struct buf *out);

/* 0 when SOURCE_DATE_EPOCH is unset or a date a PDF can hold; else -1
 * after DIAG_SOURCE_DATE.  Checked before anything is read. */
int	build_source_date_ok(struct diag_list *dl);

#endif

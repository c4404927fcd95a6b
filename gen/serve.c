/*
 * serve — the preview server; see serve.h.
 *
 * Two kinds of thread: libmicrohttpd's, one per connection (an event
 * stream holds its connection open, waiting), and the main thread, which
 * waits on the watch and the signals, builds, and then wakes the event
 * streams.  What they share (the build's number, its errors, the stop
 * flag) is in struct serve under its mutex.  The build writes each output
 * atomically (file.h), so a page read during a build is the old or the
 * new one, never half of either.
 */
#include "serve.h"

#include "buf.h"
#include "build.h"
#include "diag.h"
#include "dl.h"
#include "esc.h"
#include "file.h"
#include "incr_graph.h"
#include "mem.h"
#include "watch.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* libmicrohttpd's functions, found when serve starts (dl.h): it and
 * GnuTLS are loaded by serve, not by every run.  __typeof__ gives each
 * pointer the type its header declares. */
static struct {
	__typeof__(&MHD_create_response_from_buffer) MHD_create_response_from_buffer;
	__typeof__(&MHD_create_response_from_callback) MHD_create_response_from_callback;
	__typeof__(&MHD_add_response_header) MHD_add_response_header;
	__typeof__(&MHD_queue_response) MHD_queue_response;
	__typeof__(&MHD_destroy_response) MHD_destroy_response;
	__typeof__(&MHD_lookup_connection_value) MHD_lookup_connection_value;
	__typeof__(&MHD_start_daemon) MHD_start_daemon;
	__typeof__(&MHD_get_daemon_info) MHD_get_daemon_info;
	__typeof__(&MHD_stop_daemon) MHD_stop_daemon;
} M;

#define S_SYM(f)	{ #f, &M.f }
static const struct dl_sym S_syms[] = {
	S_SYM(MHD_create_response_from_buffer),
	S_SYM(MHD_create_response_from_callback),
	S_SYM(MHD_add_response_header),
	S_SYM(MHD_queue_response),
	S_SYM(MHD_destroy_response),
	S_SYM(MHD_lookup_connection_value),
	S_SYM(MHD_start_daemon),
	S_SYM(MHD_get_daemon_info),
	S_SYM(MHD_stop_daemon),
	{ NULL, NULL }
};
#undef S_SYM

/* the ABI of the microhttpd.h this file is compiled with */
static struct dl_lib S_lib = { "libmicrohttpd.so.12", S_syms, 0, "" };

/* A burst of saves (an editor writing, renaming, then touching; a git
 * checkout) becomes one build: the build starts once the project has
 * been quiet this long, or at the latest after SERVE_DEBOUNCE_MAX. */
#define SERVE_DEBOUNCE_MS	75
#define SERVE_DEBOUNCE_MAX	1000
/* An idle event stream sends a comment this often, so a proxy or the
 * browser does not drop it as dead. */
#define SERVE_PING_S		15

struct serve {
	char		*site, *pdf;	/* owned: DIR/out/site, DIR/out/pdf */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	unsigned	 gen;		/* builds finished */
	int		 stop;
	char		*errors;	/* owned; the last build's errors as
					   escaped HTML, NULL when it passed */
	struct incr_first *first;	/* the project as the first pass saw
					   it (main thread only) */
};

/* The one event stream of a connection. */
struct serve_stream {
	struct serve	*s;
	unsigned	 seen;		/* the build the page shows */
	int		 started;
};

/* The page's side: reload when a build has finished.  Loaded from the
 * server (not inline), so a page whose policy allows only its own
 * scripts runs it too. */
static const char S_live_js[] =
    "(function () {\n"
    "\tvar s = document.currentScript;\n"
    "\tvar g = s ? s.getAttribute('data-gen') : '';\n"
    "\tvar es = new EventSource('/__salesgen/events?since=' + g);\n"
    "\tes.addEventListener('reload', function () {\n"
    "\t\tes.close();\n"
    "\t\tlocation.reload();\n"
    "\t});\n"
    "})();\n";

static const struct {
	const char *ext, *type;
} S_types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".htm", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".xml", "application/xml" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".csv", "text/csv; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".webp", "image/webp" },
	{ ".ico", "image/x-icon" },
	{ ".pdf", "application/pdf" },
	{ ".woff2", "font/woff2" },
	{ ".woff", "font/woff" },
	{ ".ttf", "font/ttf" },
	{ ".otf", "font/otf" },
	{ ".gift", "text/plain; charset=utf-8" },
	{ ".zip", "application/zip" },
};

static const char *
S_type(const char *path)
{
	size_t i, n = strlen(path), m;

	for (i = 0; i < sizeof(S_types) / sizeof(S_types[0]); i++) {
		m = strlen(S_types[i].ext);
		if (n > m && strcasecmp(path + n - m, S_types[i].ext) == 0)
			return S_types[i].type;
	}
	return "application/octet-stream";
}

/* Decodes %XX as libmicrohttpd would, except that a NUL (%00) becomes
 * 0x01: a C string cannot hold it, and cutting the path there could serve
 * another file than asked; S_rel_ok() refuses the control byte. */
static size_t
S_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *r = s, *w = s;
	int hi, lo;

	(void)cls;
	(void)c;
	while (*r != '\0') {
		if (r[0] == '%' && r[1] != '\0' && r[2] != '\0') {
			hi = r[1] >= '0' && r[1] <= '9' ? r[1] - '0' :
			    (r[1] | 0x20) >= 'a' && (r[1] | 0x20) <= 'f' ?
			    (r[1] | 0x20) - 'a' + 10 : -1;
			lo = r[2] >= '0' && r[2] <= '9' ? r[2] - '0' :
			    (r[2] | 0x20) >= 'a' && (r[2] | 0x20) <= 'f' ?
			    (r[2] | 0x20) - 'a' + 10 : -1;
			if (hi >= 0 && lo >= 0) {
				*w++ = (char)(hi * 16 + lo == 0 ? 1 :
				    hi * 16 + lo);
				r += 3;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* 1 when the decoded path rel (below the served folder) may be looked
 * up: no control byte, no backslash, no "." or ".." segment.  Whether it
 * then leads outside by a link is file_where_in()'s to say. */
static int
S_rel_ok(const char *rel)
{
	const char *p, *seg = rel;

	for (p = rel;; p++) {
		if (*p != '\0' && ((unsigned char)*p < 0x20 || *p == 0x7f ||
		    *p == '\\'))
			return 0;
		if (*p == '/' || *p == '\0') {
			if ((p - seg == 1 && seg[0] == '.') ||
			    (p - seg == 2 && seg[0] == '.' && seg[1] == '.'))
				return 0;
			seg = p + 1;
		}
		if (*p == '\0')
			return 1;
	}
}

static enum MHD_Result
S_send(struct MHD_Connection *c, unsigned status, const char *type,
    void *data, size_t len)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = M.MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(data);
		return MHD_NO;
	}
	M.MHD_add_response_header(r, "Content-Type", type);
	M.MHD_add_response_header(r, "Cache-Control", "no-store");
	M.MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = M.MHD_queue_response(c, status, r);
	M.MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
S_status(struct MHD_Connection *c, unsigned status, const char *text)
{
	return S_send(c, status, "text/plain; charset=utf-8",
	    xstrdup(text), strlen(text));
}

/* Where the closing </body> starts in html (the last one), or the end. */
static size_t
S_body_end(const char *html, size_t len)
{
	size_t i;

	for (i = len; i >= 7; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0)
			return i - 7;
	return len;
}

/* The page as served: the file, with the build's errors (when the last
 * build failed) and the reload script before </body>. */
static char *
S_inject(struct serve *s, const char *html, size_t len, size_t *outlen)
{
	struct buf b = { 0 };
	size_t at = S_body_end(html, len);

	buf_put(&b, html, at);
	pthread_mutex_lock(&s->mu);
	if (s->errors != NULL) {
		buf_puts(&b, "<div id=\"salesgen-errors\" role=\"alert\" "
		    "style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;"
		    "overflow:auto;z-index:2147483647;margin:0;padding:1em;"
		    "background:#fff0f0;color:#600;border-top:4px solid #c00;"
		    "font:14px/1.4 monospace;white-space:pre-wrap\">"
		    "<strong>salesgen: the build failed; this is the last "
		    "good page</strong>\n");
		buf_puts(&b, s->errors);
		buf_puts(&b, "</div>\n");
	}
	buf_printf(&b, "<script src=\"/__salesgen/live.js\" data-gen=\"%u\">"
	    "</script>\n", s->gen);
	pthread_mutex_unlock(&s->mu);
	buf_put(&b, html + at, len - at);
	*outlen = b.len;
	return buf_detach(&b);
}

/* The event stream: "reload" once a build newer than the page's has
 * finished; a comment now and then while none does. */
static ssize_t
S_stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct serve_stream *st = cls;
	struct serve *s = st->s;
	struct timespec until;
	int n;

	(void)pos;
	if (!st->started) {
		st->started = 1;
		n = snprintf(out, max, "retry: 1000\n\n");
		return n;
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SERVE_PING_S;
	pthread_mutex_lock(&s->mu);
	while (!s->stop && s->gen == st->seen)
		if (pthread_cond_timedwait(&s->cv, &s->mu, &until) ==
		    ETIMEDOUT)
			break;
	if (s->stop) {
		pthread_mutex_unlock(&s->mu);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (s->gen == st->seen)
		n = snprintf(out, max, ": ping\n\n");
	else {
		st->seen = s->gen;
		n = snprintf(out, max, "event: reload\ndata: %u\n\n", s->gen);
	}
	pthread_mutex_unlock(&s->mu);
	return n;
}

static enum MHD_Result
S_events(struct serve *s, struct MHD_Connection *c)
{
	struct serve_stream *st = xcalloc(1, sizeof(*st));
	struct MHD_Response *r;
	const char *since;
	enum MHD_Result ret;
	char *end;
	unsigned long v;

	st->s = s;
	pthread_mutex_lock(&s->mu);
	st->seen = s->gen;
	pthread_mutex_unlock(&s->mu);
	/* The build the page was served from: a build that finished
	 * between the page and this request still reloads it. */
	since = M.MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	if (since != NULL && *since != '\0') {
		v = strtoul(since, &end, 10);
		if (*end == '\0')
			st->seen = (unsigned)v;
	}
	r = M.MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    S_stream_read, st, free);
	if (r == NULL) {
		free(st);
		return MHD_NO;
	}
	M.MHD_add_response_header(r, "Content-Type", "text/event-stream");
	/* a stream ends only when serve stops: no keep-alive after it */
	M.MHD_add_response_header(r, "Connection", "close");
	M.MHD_add_response_header(r, "Cache-Control", "no-store");
	ret = M.MHD_queue_response(c, MHD_HTTP_OK, r);
	M.MHD_destroy_response(r);
	return ret;
}

/* A page that is not there (yet): for a page, an HTML answer that
 * carries the reload script and the last build's errors, so that a
 * chapter being written, or a project whose first build failed, shows up
 * by itself once it builds; for anything else, plain text. */
static enum MHD_Result
S_missing(struct serve *s, struct MHD_Connection *c, const char *url)
{
	static const char page[] = "<!doctype html>\n<html><head>"
	    "<meta charset=\"utf-8\"><title>404</title></head><body>\n"
	    "<p>404: this page is not in out/site (yet).</p>\n</body></html>\n";
	size_t n = strlen(url), len;
	char *body;

	if (url[n - 1] != '/' && (n < 5 || strcasecmp(url + n - 5, ".html")))
		return S_status(c, MHD_HTTP_NOT_FOUND, "404 not found\n");
	body = S_inject(s, page, sizeof(page) - 1, &len);
	return S_send(c, MHD_HTTP_NOT_FOUND, "text/html; charset=utf-8",
	    body, len);
}

static enum MHD_Result
S_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct serve *s = cls;
	struct diag_list *quiet;
	const char *root, *rel, *type;
	struct buf loc = { 0 };
	char *path, *data, *page;
	size_t len, plen;
	enum MHD_Result ret;
	enum file_where where;

	(void)version;
	(void)upload;
	(void)con_cls;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return S_status(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "405 only GET and HEAD\n");
	if (*upload_size != 0)
		return MHD_NO;
	if (strcmp(url, "/__salesgen/events") == 0)
		return S_events(s, c);
	if (strcmp(url, "/__salesgen/live.js") == 0)
		return S_send(c, MHD_HTTP_OK, "text/javascript; charset=utf-8",
		    xstrdup(S_live_js), sizeof(S_live_js) - 1);
	if (url[0] != '/')
		return S_status(c, MHD_HTTP_BAD_REQUEST, "400 bad request\n");
	if (strncmp(url, "/pdf/", 5) == 0) {
		root = s->pdf;
		rel = url + 5;
	} else {
		root = s->site;
		rel = url + 1;
	}
	if (!S_rel_ok(rel))
		return S_status(c, MHD_HTTP_FORBIDDEN, "403 forbidden\n");
	path = *rel == '\0' ? xstrdup(root) : file_join(root, rel);
	if (file_is_dir(path)) {
		if (url[strlen(url) - 1] != '/') {
			/* relative links of the folder's index need the '/' */
			struct MHD_Response *r;

			free(path);
			buf_printf(&loc, "%s/", url);
			r = M.MHD_create_response_from_buffer(0, NULL,
			    MHD_RESPMEM_PERSISTENT);
			M.MHD_add_response_header(r, "Location", buf_cstr(&loc));
			M.MHD_add_response_header(r, "Cache-Control", "no-store");
			ret = M.MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
			M.MHD_destroy_response(r);
			buf_free(&loc);
			return ret;
		}
		data = file_join(path, "index.html");
		free(path);
		path = data;
	}
	where = file_where_in(root, path);
	if (where == FILE_OUT || where == FILE_NOT_REG) {
		free(path);
		return S_status(c, MHD_HTTP_FORBIDDEN, "403 forbidden\n");
	}
	if (where == FILE_MISSING) {
		free(path);
		return S_missing(s, c, url);
	}
	/* file_read_in checks again, by the file it opens: a link swapped
	 * in since is not followed. */
	quiet = diag_list_new();
	data = file_read_in(root, path, &len, quiet);
	diag_list_free(quiet);
	if (data == NULL) {
		free(path);
		return S_status(c, MHD_HTTP_NOT_FOUND, "404 not found\n");
	}
	type = S_type(path);
	free(path);
	if (strncmp(type, "text/html", 9) == 0) {
		page = S_inject(s, data, len, &plen);
		free(data);
		data = page;
		len = plen;
	}
	return S_send(c, MHD_HTTP_OK, type, data, len);
}

static long
S_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	    (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* One build, as `salesgen build` makes it; its diagnostics go to the
 * terminal, its errors (escaped) to the pages, and the open pages are
 * told to reload. */
static void
S_build(struct serve *s, const struct build_opts *o, int first)
{
	struct diag_list *dl = diag_list_new();
	struct timespec t0;
	struct buf e = { 0 }, line = { 0 };
	const struct diag *d;
	size_t i;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* The edited chapters' pages first, and a reload for them; the
	 * rest of the build (its PDF, the course's, the search) follows.
	 * Only after a good build: a page is not replaced while the
	 * overlay shows errors (the last good output stays). */
	if (o->only == NULL || strcmp(o->only, "site") == 0) {
		size_t n;

		pthread_mutex_lock(&s->mu);
		n = s->errors == NULL;
		pthread_mutex_unlock(&s->mu);
		if (n && (n = incr_first_pages(s->first, o)) > 0) {
			if (!o->quiet)
				fprintf(stderr, "salesgen: %zu %s first, in "
				    "%ld ms\n", n, n == 1 ? "page" : "pages",
				    S_ms_since(&t0));
			pthread_mutex_lock(&s->mu);
			s->gen++;
			pthread_cond_broadcast(&s->cv);
			pthread_mutex_unlock(&s->mu);
		}
	}
	if (o->quiet)
		dl->min_print = DIAG_ERROR;
	dl->strict = o->strict;
	dl->verbose = o->verbose && !o->quiet;
	rc = build_project(o, 1, dl);
	diag_print(dl, stderr);
	for (i = 0; i < dl->n; i++) {
		d = &dl->v[i];
		if (diag_level_of(dl, d->code) < DIAG_ERROR)
			continue;
		/* the file's name is the author's text too: escaped */
		buf_reset(&line);
		buf_printf(&line, "%s:%d:%d: %s: %s", d->file ? d->file :
		    "salesgen", d->line, d->col,
		    diag_level_name(diag_level_of(dl, d->code)), d->msg);
		esc_html(&e, line.data, line.len);
		buf_putc(&e, '\n');
	}
	if (rc != 0 && e.len == 0)
		buf_puts(&e, "the build failed\n");
	if (!o->quiet)
		fprintf(stderr, "salesgen: %s in %ld ms%s\n", first ?
		    "built" : "rebuilt", S_ms_since(&t0), e.len ?
		    ", with errors: the last good output stays served" : "");
	pthread_mutex_lock(&s->mu);
	free(s->errors);
	s->errors = e.len ? buf_detach(&e) : NULL;
	s->gen++;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	buf_free(&e);
	buf_free(&line);
	diag_list_free(dl);
}

/* --open: the system's browser, through xdg-open; not waited for here
 * (S_reap collects it). */
static pid_t
S_open(const char *url)
{
	char *argv[3];
	pid_t pid;

	argv[0] = (char *)"xdg-open";
	argv[1] = (char *)url;
	argv[2] = NULL;
	if (posix_spawnp(&pid, "xdg-open", NULL, NULL, argv, environ) != 0)
		return -1;
	return pid;
}

/* Parses --bind into a socket address; port in network order after. */
static int
S_addr(const char *bind, int port, struct sockaddr_storage *ss, int *v6)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)(void *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)(void *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*v6 = 0;
		return 0;
	}
	if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*v6 = 1;
		return 0;
	}
	return -1;
}

int
serve_run(const struct build_opts *o, struct diag_list *dl)
{
	const char *dir = o->arg ? o->arg : ".";
	const char *bind = o->bind ? o->bind : "127.0.0.1";
	int port = o->port >= 0 ? o->port : SERVE_PORT;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d = NULL;
	const union MHD_DaemonInfo *info;
	struct watch *w = NULL;
	struct serve s;
	struct pollfd pf[2];
	struct signalfd_siginfo si;
	struct timespec t0;
	sigset_t sigs, old;
	struct buf url = { 0 };
	char *out;
	pid_t browser = -1;
	int v6, sfd = -1, rc = -1, pending = 0, timeout;

	if (S_addr(bind, port, &ss, &v6) != 0) {
		diag_add(dl, DIAG_USAGE, NULL, 0, 0,
		    "--bind takes an IPv4 or IPv6 address (such as 127.0.0.1 or ::1)");
		return BUILD_USAGE;
	}
	if (dl_load(&S_lib) != 0) {
		diag_add(dl, DIAG_SERVE_LISTEN, NULL, 0, 0, bind, port,
		    S_lib.why);
		return -1;
	}
	memset(&s, 0, sizeof(s));
	s.first = incr_first_new();
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	out = file_join(dir, "out");
	s.site = file_join(out, "site");
	s.pdf = file_join(out, "pdf");
	free(out);

	/* SIGINT and SIGTERM are read from a descriptor by the main loop;
	 * blocked before any thread starts, so none of them takes one.  A
	 * browser closing its connection must not kill the server. */
	/* A shell starts a background job with SIGINT ignored, and an
	 * ignored signal never reaches the descriptor: serve is stopped
	 * by both, however it was started. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, &old);
	signal(SIGPIPE, SIG_IGN);
	if ((sfd = signalfd(-1, &sigs, SFD_CLOEXEC)) < 0) {
		diag_add(dl, DIAG_SERVE_LISTEN, NULL, 0, 0, bind, port,
		    strerror(errno));
		goto done;
	}

	d = M.MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | (v6 ? MHD_USE_IPv6 : 0),
	    (uint16_t)port, NULL, NULL, S_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_UNESCAPE_CALLBACK, S_unescape, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)0,
	    MHD_OPTION_END);
	if (d == NULL) {
		diag_add(dl, DIAG_SERVE_LISTEN, NULL, 0, 0, bind, port,
		    errno ? strerror(errno) : "the port is in use or not allowed");
		goto done;
	}
	info = M.MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (info != NULL && info->port != 0)
		port = info->port;
	w = watch_open(dir, dl);
	diag_print(dl, stderr);
	if (w == NULL)
		goto done;

	S_build(&s, o, 1);
	buf_printf(&url, v6 ? "http://[%s]:%d/" : "http://%s:%d/", bind, port);
	/* The address goes out even with -q: without it the server is of
	 * no use (and a script finds the port it got for --port 0). */
	fprintf(stderr, "salesgen: serving %s at %s (Ctrl-C stops)\n",
	    s.site, buf_cstr(&url));
	fflush(stderr);
	if (o->open)
		browser = S_open(buf_cstr(&url));

	pf[0].fd = sfd;
	pf[0].events = POLLIN;
	pf[1].fd = watch_fd(w);
	pf[1].events = POLLIN;
	for (;;) {
		/* Waiting for the first change blocks; after one, the
		 * build waits until the project has been quiet for
		 * SERVE_DEBOUNCE_MS (an editor's rename and a burst of
		 * saves are one change), or SERVE_DEBOUNCE_MAX at most. */
		timeout = -1;
		if (pending) {
			long gone = S_ms_since(&t0);

			timeout = gone >= SERVE_DEBOUNCE_MAX ? 0 :
			    SERVE_DEBOUNCE_MS;
		}
		if (poll(pf, 2, timeout) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].revents & POLLIN) {
			if (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
				break;
		}
		if (pf[1].revents & POLLIN) {
			if (watch_read(w, dl) && !pending) {
				pending = 1;
				clock_gettime(CLOCK_MONOTONIC, &t0);
			}
			diag_print(dl, stderr);
			if (!pending || S_ms_since(&t0) < SERVE_DEBOUNCE_MAX)
				continue;
		}
		if (pending) {
			pending = 0;
			S_build(&s, o, 0);
		}
		if (browser > 0 && waitpid(browser, NULL, WNOHANG) != 0)
			browser = -1;
	}
	rc = 0;
	if (!o->quiet)
		fprintf(stderr, "salesgen: stopped serving\n");
done:
	pthread_mutex_lock(&s.mu);
	s.stop = 1;
	pthread_cond_broadcast(&s.cv);
	pthread_mutex_unlock(&s.mu);
	if (d != NULL)
		M.MHD_stop_daemon(d);
	if (browser > 0)
		waitpid(browser, NULL, 0);
	watch_close(w);
	if (sfd >= 0)
		close(sfd);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_cond_destroy(&s.cv);
	pthread_mutex_destroy(&s.mu);
	free(s.errors);
	incr_first_free(s.first);
	free(s.site);
	free(s.pdf);
	buf_free(&url);
	return rc;
}

/* test-brief.c: annotated briefs of the sample corpus — the model (themes,
 * stakeholders, stances, citations), each format's content, escaping of
 * hostile memos, scope filters, paper sizes, the atomic write, and the
 * preview's pages against the PDF's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>

#include <cairo-pdf.h>

#include "sp-annotations.h"
#include "sp-brief-export.h"
#include "sp-brief-pages.h"
#include "sp-brief-paper.h"
#include "sp-error.h"
#include "sp-links.h"
#include "sp-project-themes.h"
#include "test-helpers.h"

#define LI_QUOTE_1   "don't bundle these values with standards goals"
#define LI_QUOTE_2   "we decouple all these so-called values from technical standards"
#define REPORT_QUOTE "the trend of trying to incorporate values in technical standards"
#define HOSTILE_MEMO "<script>alert(\"x\")</script> & [click](http://evil.example) *bold*\n# heading\n1. list"

typedef struct
{
  SpTestFixture base;
  gint64        report_id;
  gint64        transcript_id;
  gint64        values_theme;
  gint64        li_quote_1;
  gint64        report_quote;
} Fixture;

static gint64
annotate (SpProject  *project,
          gint64      document_id,
          const char *passage,
          gint64      theme_id,
          SpStance    stance,
          const char *memo,
          SpAnnotateFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);
  const char *hit;
  gint64 start, id = 0;

  g_assert_no_error (error);
  hit = strstr (text, passage);
  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  g_assert_true (sp_project_annotate (project, document_id, start, start + g_utf8_strlen (passage, -1),
                                      &theme_id, 1, 0, stance, memo, flags, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpProject *project;

  sp_test_fixture_set_up_sample (&fixture->base, data);
  project = fixture->base.project;
  sp_test_sample_ids (project, &fixture->report_id, &fixture->transcript_id);
  fixture->values_theme = sp_project_lookup_theme_id (project, "Values in standards", &error);
  g_assert_no_error (error);

  fixture->li_quote_1 = annotate (project, fixture->transcript_id, LI_QUOTE_1, fixture->values_theme,
                                  SP_STANCE_OPPOSES, HOSTILE_MEMO, SP_ANNOTATE_DEFAULT);
  annotate (project, fixture->transcript_id, LI_QUOTE_2, fixture->values_theme,
            SP_STANCE_OPPOSES, NULL, SP_ANNOTATE_DEFAULT);
  fixture->report_quote = annotate (project, fixture->report_id, REPORT_QUOTE, fixture->values_theme,
                                    SP_STANCE_SUPPORTS, "The report's framing", SP_ANNOTATE_NO_STAKEHOLDER);

  /* The report paraphrases Li. */
  g_assert_true (sp_project_link_annotations (project, fixture->report_quote, fixture->li_quote_1,
                                              SP_LINK_PARAPHRASES, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sp_test_fixture_tear_down (&fixture->base, data);
}

static SpBrief *
make_brief (Fixture            *fixture,
            const SpBriefScope *scope)
{
  g_autoptr(GError) error = NULL;
  SpBrief *brief = sp_brief_new (fixture->base.project, scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (brief);
  return brief;
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->base.dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The citations of the passages the fixture tags, as the corpus has them:
 * the turn at 12:38 of the transcript, and the report's section on values
 * (the heading keeps its footnote mark) on page 9 of the source. */
#define TRANSCRIPT_TITLE "Edited transcript of Webinar | The Geopolitics of Global High-tech Standards: Key issues and debates"
#define REPORT_TITLE "Report | The Geopolitics of Global Technology Standards: Key Issues and Solutions"
#define LI_CITATION_1 TRANSCRIPT_TITLE ", Thomas Li, 12:38, ¶ 26"
#define LI_CITATION_2 TRANSCRIPT_TITLE ", Thomas Li, 12:38, ¶ 27"
#define REPORT_CITATION REPORT_TITLE ", “Incorporating values in standards: Leading to a forking framework?³⁴”, p. 9, ¶ 24"

/* Markdown escapes the "|" of the titles. */
static char *
markdown_form (const char *citation)
{
  g_auto(GStrv) parts = g_strsplit (citation, "|", -1);

  return g_strjoinv ("\\|", parts);
}

static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) brief = NULL;
  const SpBriefTheme *theme;
  const SpBriefStakeholder *li, *nobody;
  const SpBriefQuote *quote;
  const SpBriefLink *link;
  g_autofree char *citation = NULL;

  scope->title = g_strdup ("Values brief");
  brief = make_brief (fixture, scope);

  g_assert_cmpstr (brief->title, ==, "Values brief");
  g_assert_cmpuint (brief->n_quotes, ==, 3);
  g_assert_cmpuint (brief->themes->len, ==, 1);
  g_assert_cmpuint (brief->sources->len, ==, 2);
  g_assert_cmpuint (brief->codebook->len, >=, 12);
  g_assert_cmpstr (g_ptr_array_index (brief->scope_lines, 0), ==, "Themes: all");

  theme = g_ptr_array_index (brief->themes, 0);
  g_assert_cmpstr (theme->theme->name, ==, "Values in standards");
  g_assert_cmpstr (theme->theme->statement, ==, "Values should be written into technical standards");
  g_assert_cmpuint (theme->stakeholders->len, ==, 2);

  li = g_ptr_array_index (theme->stakeholders, 0);
  g_assert_cmpstr (li->name, ==, "Thomas Li");
  g_assert_cmpint (li->stance, ==, SP_STANCE_OPPOSES);
  g_assert_cmpuint (li->quotes->len, ==, 2);
  nobody = g_ptr_array_index (theme->stakeholders, 1);
  g_assert_cmpint (nobody->stakeholder_id, ==, 0);
  g_assert_cmpint (nobody->stance, ==, SP_STANCE_SUPPORTS);

  quote = g_ptr_array_index (li->quotes, 0);
  g_assert_cmpstr (quote->quote, ==, LI_QUOTE_1);
  g_assert_cmpstr (quote->memo, ==, HOSTILE_MEMO);
  g_assert_cmpstr (quote->citation.speaker, ==, "Thomas Li");
  g_assert_cmpint (quote->citation.timestamp_ms, ==, (12 * 60 + 38) * 1000);
  g_assert_cmpint (quote->citation.paragraph, >, 0);
  citation = sp_citation_format (&quote->citation);
  g_assert_cmpstr (citation, ==, LI_CITATION_1);

  quote = g_ptr_array_index (nobody->quotes, 0);
  g_assert_cmpstr (quote->quote, ==, REPORT_QUOTE);
  g_assert_null (quote->citation.speaker);
  g_assert_nonnull (quote->citation.heading);
  g_assert_nonnull (strstr (quote->citation.heading, "Incorporating values in standards"));
  g_assert_cmpint (quote->citation.page, ==, 9);
  g_assert_cmpint (quote->citation.paragraph, ==, 24);
  g_clear_pointer (&citation, g_free);
  citation = sp_citation_format (&quote->citation);
  g_assert_cmpstr (citation, ==, REPORT_CITATION);

  g_assert_cmpuint (quote->links->len, ==, 1);
  link = g_ptr_array_index (quote->links, 0);
  g_assert_cmpstr (link->label, ==, "Paraphrases");
  g_assert_cmpstr (link->quote, ==, LI_QUOTE_1);
  g_clear_pointer (&citation, g_free);
  citation = sp_citation_format (&link->citation);
  g_assert_cmpstr (citation, ==, LI_CITATION_1);

  /* And the other way round, under Li's quote. */
  quote = g_ptr_array_index (li->quotes, 0);
  g_assert_cmpuint (quote->links->len, ==, 1);
  link = g_ptr_array_index (quote->links, 0);
  g_assert_cmpstr (link->label, ==, "Paraphrased by");
  g_assert_cmpstr (link->quote, ==, REPORT_QUOTE);
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) supports = NULL;
  g_autoptr(SpBrief) other_theme = NULL;
  g_autoptr(SpBrief) transcript_only = NULL;
  g_autoptr(SpBriefScope) copy = NULL;
  gint64 like_minded;
  g_autoptr(GError) error = NULL;
  const SpBriefTheme *theme;

  scope->stances = 1u << SP_STANCE_SUPPORTS;
  scope->include_memos = FALSE;
  scope->include_codebook = FALSE;
  supports = make_brief (fixture, scope);
  g_assert_cmpuint (supports->n_quotes, ==, 1);
  g_assert_cmpuint (supports->codebook->len, ==, 0);
  theme = g_ptr_array_index (supports->themes, 0);
  g_assert_cmpstr (((SpBriefQuote *) g_ptr_array_index (((SpBriefStakeholder *) g_ptr_array_index (theme->stakeholders, 0))->quotes, 0))->memo, ==, "");
  g_assert_cmpstr (g_ptr_array_index (supports->scope_lines, 3), ==, "Stances: Supports");

  copy = sp_brief_scope_copy (scope);
  copy->stances = 0;
  g_array_append_val (copy->document_ids, fixture->transcript_id);
  transcript_only = make_brief (fixture, copy);
  g_assert_cmpuint (transcript_only->n_quotes, ==, 2);
  g_assert_cmpuint (transcript_only->sources->len, ==, 1);

  like_minded = sp_project_lookup_theme_id (fixture->base.project, "Like-minded countries", &error);
  g_assert_no_error (error);
  g_array_append_val (scope->theme_ids, like_minded);
  scope->stances = 0;
  other_theme = make_brief (fixture, scope);
  g_assert_cmpuint (other_theme->n_quotes, ==, 0);
  g_assert_cmpuint (other_theme->themes->len, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (other_theme->scope_lines, 0), ==, "Themes: Like-minded countries");
}

static void
test_unknown_document (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, "kept.md");
  g_autofree char *contents = NULL;
  gint64 missing = 4242;

  /* A failed export leaves the file that was there untouched. */
  g_assert_true (g_file_set_contents (path, "kept", -1, NULL));
  g_array_append_val (scope->document_ids, missing);
  g_assert_false (sp_brief_export (fixture->base.project, scope, SP_BRIEF_FORMAT_MARKDOWN,
                                   SP_BRIEF_PAPER_A4, path, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "kept");
}

static void
test_write_fails_cleanly (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) brief = make_brief (fixture, scope);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->base.dir, "no-such-folder", "brief.html", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_assert_false (sp_brief_write (brief, SP_BRIEF_FORMAT_HTML, SP_BRIEF_PAPER_A4, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Nothing but the project (and its journal files) in the folder. */
  dir = g_dir_open (fixture->base.dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (!g_str_has_prefix (name, "test.standpoint"))
      n_files++;
  g_assert_cmpuint (n_files, ==, 0);
}

/* A PDF whose stream fills up after its first page or so, or whose
 * export is cancelled, fails with the reason, and stops laying pages out
 * (the test would hang if the layout thread were left waiting). */
static void
test_pdf_stream_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) brief = make_brief (fixture, scope);
  g_autofree guint8 *buffer = g_malloc (16 * 1024);
  g_autoptr(GOutputStream) full = g_memory_output_stream_new (buffer, 16 * 1024, NULL, NULL);
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_brief_write_pdf (brief, SP_BRIEF_PAPER_A4, full, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the PDF: "));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_brief_write_pdf (brief, SP_BRIEF_PAPER_A4, sink, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The preview and printing lay pages out in the caller's thread (printing
 * a few at a time), the PDF in a thread of its own: all must find the
 * same pages, and every preview page must have something on it. A6 pages, so quotes and the
 * table are split between pages too. */
static void
test_preview_matches_pdf (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) brief = make_brief (fixture, scope);
  g_autoptr(SpBriefPages) preview = NULL;
  g_autoptr(SpBriefPages) pdf = NULL;
  cairo_surface_t *image, *pdf_surface;
  cairo_t *image_cr, *pdf_cr;
  const double width = 297.64, height = 419.53;
  guint n_pages;

  preview = sp_brief_pages_new (brief, width, height);
  pdf = sp_brief_pages_new (brief, width, height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  image_cr = cairo_create (image);
  pdf_surface = cairo_pdf_surface_create_for_stream (NULL, NULL, width, height);
  pdf_cr = cairo_create (pdf_surface);

  n_pages = sp_brief_pages_paginate (preview, image_cr, 0);
  g_assert_cmpuint (n_pages, ==, 8);

  /* A few pages at a time, as printing does: the same pages. */
  sp_brief_pages_paginate_begin (preview, image_cr);
  g_assert_false (sp_brief_pages_paginate_more (preview, 3));
  g_assert_cmpuint (sp_brief_pages_get_n_pages (preview), ==, 3);
  g_assert_false (sp_brief_pages_paginate_more (preview, 3));
  g_assert_true (sp_brief_pages_paginate_more (preview, 3));
  g_assert_cmpuint (sp_brief_pages_get_n_pages (preview), ==, n_pages);
  g_assert_cmpuint (sp_brief_pages_draw_all (pdf, pdf_cr), ==, n_pages);
  g_assert_cmpuint (sp_brief_pages_get_n_pages (pdf), ==, n_pages);

  for (guint page = 0; page < n_pages; page++)
    {
      const guint32 *pixels;
      int stride;
      guint inked = 0;

      sp_brief_pages_draw_page (preview, image_cr, page);
      cairo_surface_flush (image);
      pixels = (const guint32 *) cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image) / 4;
      for (int y = 0; y < (int) height; y++)
        for (int x = 0; x < (int) width; x++)
          inked += (pixels[y * stride + x] & 0xffffff) != 0xffffff ? 1 : 0;
      g_assert_cmpuint (inked, >, 500);  /* text, not a blank page */
    }

  cairo_destroy (pdf_cr);
  cairo_surface_destroy (pdf_surface);
  cairo_destroy (image_cr);
  cairo_surface_destroy (image);
}

static void
assert_escaped_markdown (const char *markdown)
{
  /* No raw HTML can start anywhere: every "<" is escaped. */
  for (const char *p = strchr (markdown, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_cmpint (p[-1], ==, '\\');
  g_assert_nonnull (strstr (markdown, "\\<script\\>alert(\"x\")\\</script\\> \\& \\[click\\](http://evil.example) \\*bold\\*"));
  g_assert_nonnull (strstr (markdown, "\n\\# heading\n1\\. list"));
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, "brief.md");
  g_autofree char *markdown = NULL;

  scope->title = g_strdup ("Values [brief]");
  g_assert_true (sp_brief_export (fixture->base.project, scope, SP_BRIEF_FORMAT_MARKDOWN,
                                  SP_BRIEF_PAPER_A4, path, NULL, &error));
  g_assert_no_error (error);
  markdown = read_file (path);

  g_assert_true (g_str_has_prefix (markdown, "# Values \\[brief\\]\n\n"));
  g_assert_nonnull (strstr (markdown, "\n## Values in standards\n"));
  g_assert_nonnull (strstr (markdown, "**Position:** Values should be written into technical standards"));
  g_assert_nonnull (strstr (markdown, "| Stakeholder | Stance | Passages |\n| --- | --- | ---: |\n"
                                      "| Thomas Li | Opposes | 2 |\n| No stakeholder | Supports | 1 |\n"));
  g_assert_nonnull (strstr (markdown, "### Thomas Li — Opposes\n\n> don't bundle these values with standards goals\n>\n> — "));
  g_assert_nonnull (strstr (markdown, "> " LI_QUOTE_2 "\n"));
  g_assert_nonnull (strstr (markdown, "> " REPORT_QUOTE "\n"));
  {
    g_autofree char *li_1 = markdown_form (LI_CITATION_1);
    g_autofree char *li_2 = markdown_form (LI_CITATION_2);
    g_autofree char *report = markdown_form (REPORT_CITATION);
    g_autofree char *li_line = g_strconcat (">\n> — ", li_1, " (Opposes)\n", NULL);
    g_autofree char *li_line_2 = g_strconcat (">\n> — ", li_2, " (Opposes)\n", NULL);
    g_autofree char *report_line = g_strconcat (">\n> — ", report, " (Supports)\n", NULL);

    g_assert_nonnull (strstr (markdown, li_line));
    g_assert_nonnull (strstr (markdown, li_line_2));
    g_assert_nonnull (strstr (markdown, report_line));
  }
  g_assert_nonnull (strstr (markdown, "*Memo:* The report's framing"));
  g_assert_nonnull (strstr (markdown, "\n## Codebook\n"));
  g_assert_nonnull (strstr (markdown, "\n## Sources\n\n1. "));
  assert_escaped_markdown (markdown);
  g_assert_nonnull (strstr (markdown, "- **Paraphrases:** “don't bundle these values with standards goals” — "));
  g_assert_nonnull (strstr (markdown, "- **Paraphrased by:** “" REPORT_QUOTE "” — "));
}

static int html_errors;

static void
count_html_error_cb (void       *user_data,
                     xmlErrorPtr error)
{
  html_errors++;
  g_test_message ("HTML error at line %d: %s", error->line, error->message);
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, "brief.html");
  g_autofree char *html = NULL;
  htmlDocPtr doc;

  scope->title = g_strdup ("Values <brief> & \"co\"");
  g_assert_true (sp_brief_export (fixture->base.project, scope, SP_BRIEF_FORMAT_HTML,
                                  SP_BRIEF_PAPER_A4, path, NULL, &error));
  g_assert_no_error (error);
  html = read_file (path);

  g_assert_nonnull (strstr (html, "<h1>Values &lt;brief&gt; &amp; &quot;co&quot;</h1>"));
  g_assert_nonnull (strstr (html, "<div class=\"theme\" style=\"--theme:#"));
  g_assert_nonnull (strstr (html, "<h2>Values in standards</h2>"));
  g_assert_nonnull (strstr (html, "<blockquote><p>don&#39;t bundle these values with standards goals</p>"));
  g_assert_nonnull (strstr (html, "<blockquote><p>" REPORT_QUOTE "</p>"));
  g_assert_nonnull (strstr (html, "<span class=\"citation\">" LI_CITATION_1 "</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"citation\">" LI_CITATION_2 "</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"citation\">" REPORT_CITATION "</span>"));
  g_assert_nonnull (strstr (html, "<td>Thomas Li</td>"));
  g_assert_nonnull (strstr (html, "<li><span class=\"link-kind\">Paraphrases</span> “don&#39;t bundle these values "
                                  "with standards goals” <span class=\"citation\">" LI_CITATION_1 "</span></li>"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* The memo is inert: escaped, its newlines only line breaks. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                                  "[click](http://evil.example) *bold*<br># heading<br>1. list"));
  g_assert_null (strstr (html, "<script"));
  /* Self-contained: nothing to fetch. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "href="));
  g_assert_null (strstr (html, "url("));

  html_errors = 0;
  xmlSetStructuredErrorFunc (NULL, count_html_error_cb);
  doc = htmlReadMemory (html, (int) strlen (html), path, "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpint (html_errors, ==, 0);
  xmlFreeDoc (doc);
}

/* Runs a poppler tool and returns what it printed. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext breaks lines where the layout did: compare words only. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f\t", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

static void
check_pdf (Fixture      *fixture,
           SpBriefPaper  paper,
           const char   *size_line,
           const char   *pages_line)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, "brief.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *fonts = NULL;

  scope->title = g_strdup ("Values brief");
  g_assert_true (sp_brief_export (fixture->base.project, scope, SP_BRIEF_FORMAT_PDF,
                                  paper, path, NULL, &error));
  g_assert_no_error (error);

  info = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "Title:           Values brief\n"));
  g_assert_nonnull (strstr (info, size_line));
  /* The theme and its quotes on the first page; the appendix (the
   * twelve-theme codebook, then the sources) starts on a page of its own. */
  g_assert_nonnull (strstr (info, pages_line));

  /* -layout keeps the table's rows together. */
  text = run_tool ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  words = squeeze (text);
  g_assert_true (g_str_has_prefix (words, "Values brief "));
  g_assert_nonnull (strstr (words, "Values in standards"));
  g_assert_nonnull (strstr (words, "Position: Values should be written into technical standards"));
  g_assert_nonnull (strstr (words, "Thomas Li Opposes 2"));
  g_assert_nonnull (strstr (words, LI_QUOTE_1));
  g_assert_nonnull (strstr (words, LI_QUOTE_2));
  g_assert_nonnull (strstr (words, REPORT_QUOTE));
  g_assert_nonnull (strstr (words, LI_CITATION_1));
  g_assert_nonnull (strstr (words, LI_CITATION_2));
  g_assert_nonnull (strstr (words, REPORT_CITATION));
  g_assert_nonnull (strstr (words, "Memo: <script>alert(\"x\")</script> & [click](http://evil.example) *bold*"));
  g_assert_nonnull (strstr (words, "Paraphrases “" LI_QUOTE_1 "” — " LI_CITATION_1));
  g_assert_nonnull (strstr (words, "Paraphrased by “" REPORT_QUOTE "” — " REPORT_CITATION));
  g_assert_nonnull (strstr (words, "Codebook"));
  g_assert_nonnull (strstr (words, "Sources"));

  /* Every font is embedded. */
  fonts = run_tool ((const char *[]) { "pdffonts", path, NULL });
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >, 3);
    for (guint i = 2; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        g_assert_nonnull (strstr (lines[i], " yes "));
  }
}

static void
test_pdf_a4 (Fixture       *fixture,
             gconstpointer  data)
{
  check_pdf (fixture, SP_BRIEF_PAPER_A4, "Page size:       595.276 x 841.89 pts (A4)\n",
             "Pages:           2\n");
}

static void
test_pdf_letter (Fixture       *fixture,
                 gconstpointer  data)
{
  check_pdf (fixture, SP_BRIEF_PAPER_LETTER, "Page size:       612 x 792 pts (letter)\n",
             "Pages:           2\n");
}

/* A right-to-left override in a theme's name, never closed, stays in the
 * name in every format: the description after it reads as written. */
static void
test_bidi_isolated (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *md_path = path_in (fixture, "bidi.md");
  g_autofree char *html_path = path_in (fixture, "bidi.html");
  g_autofree char *pdf_path = path_in (fixture, "bidi.pdf");
  g_autofree char *markdown = NULL, *html = NULL, *text = NULL;

  g_assert_true (sp_project_rename_theme (fixture->base.project, fixture->values_theme,
                                          "Values \u202eevil", &error));
  g_assert_true (sp_project_set_theme_description (fixture->base.project, fixture->values_theme,
                                                   "plain description", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (sp_brief_export (fixture->base.project, scope, (SpBriefFormat []) {
                                        SP_BRIEF_FORMAT_MARKDOWN, SP_BRIEF_FORMAT_HTML, SP_BRIEF_FORMAT_PDF }[i],
                                      SP_BRIEF_PAPER_A4, (const char *[]) { md_path, html_path, pdf_path }[i],
                                      NULL, &error));
      g_assert_no_error (error);
    }

  markdown = read_file (md_path);
  g_assert_nonnull (strstr (markdown, "\u2068Values \u202eevil\u2069"));
  g_assert_null (strstr (markdown, "\u202eevil\n"));
  html = read_file (html_path);
  g_assert_nonnull (strstr (html, "\u2068Values \u202eevil\u2069"));
  text = run_tool ((const char *[]) { "pdftotext", pdf_path, "-", NULL });
  g_assert_nonnull (strstr (text, "plain description"));
}

static void
test_paper (void)
{
  SpBriefPaper paper = SP_BRIEF_PAPER_A4;

  g_assert_cmpint (sp_brief_paper_for_locale_name ("en_US.UTF-8"), ==, SP_BRIEF_PAPER_LETTER);
  g_assert_cmpint (sp_brief_paper_for_locale_name ("fr_CA.UTF-8"), ==, SP_BRIEF_PAPER_LETTER);
  g_assert_cmpint (sp_brief_paper_for_locale_name ("es_MX"), ==, SP_BRIEF_PAPER_LETTER);
  g_assert_cmpint (sp_brief_paper_for_locale_name ("de_DE.UTF-8"), ==, SP_BRIEF_PAPER_A4);
  g_assert_cmpint (sp_brief_paper_for_locale_name ("en_GB"), ==, SP_BRIEF_PAPER_A4);
  g_assert_cmpint (sp_brief_paper_for_locale_name ("C"), ==, SP_BRIEF_PAPER_A4);
  g_assert_cmpint (sp_brief_paper_for_locale_name (NULL), ==, SP_BRIEF_PAPER_A4);

  g_assert_true (sp_brief_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, SP_BRIEF_PAPER_LETTER);
  g_assert_true (sp_brief_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, SP_BRIEF_PAPER_A4);
  g_assert_true (sp_brief_paper_from_string ("auto", &paper));
  g_assert_false (sp_brief_paper_from_string ("a5", &paper));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Brief/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("model", test_model);
  ADD ("scope", test_scope);
  ADD ("unknown-document", test_unknown_document);
  ADD ("write-fails-cleanly", test_write_fails_cleanly);
  ADD ("markdown", test_markdown);
  ADD ("html", test_html);
  ADD ("pdf-a4", test_pdf_a4);
  ADD ("pdf-letter", test_pdf_letter);
  ADD ("pdf-stream-fails", test_pdf_stream_fails);
  ADD ("preview-matches-pdf", test_preview_matches_pdf);
  ADD ("bidi-isolated", test_bidi_isolated);
#undef ADD
  g_test_add_func ("/Brief/paper", test_paper);

  return g_test_run ();
}

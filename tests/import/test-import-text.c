/* test-import-text.c: plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-import-util.h"

static void
test_paragraphs (void)
{
  const char *text = "Short title\n\nLine one\nline two\n\n\n\n   Third para.   \n\n\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (text, -1, NULL, SP_IMPORT_FORMAT_AUTO);
  g_autoptr(GPtrArray) paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);
  g_autofree char *second = NULL;

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TEXT);
  g_assert_cmpstr (content->title, ==, "Short title");
  g_assert_cmpstr (content->text->str, ==, "Short title\n\nLine one\nline two\n\nThird para.");
  g_assert_cmpuint (paragraphs->len, ==, 3);
  second = sp_test_segment_text (content, g_ptr_array_index (paragraphs, 1));
  g_assert_cmpstr (second, ==, "Line one\nline two");
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_cmpint (((SpSegment *) g_ptr_array_index (paragraphs, i))->number, ==, (int) i + 1);
  /* Plain text has no headings: the title is only the first line. */
  g_assert_null (sp_test_find (content, SP_SEGMENT_HEADING, ""));
}

static void
test_urls (void)
{
  const char *text =
    "Links\n\n"
    "See https://example.org/path_(x)?q=1. And (https://example.org/y), also "
    "<not markup>, *stars* stay, HTTP://EXAMPLE.ORG/Z; and “https://example.org/q”.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (text, -1, NULL, SP_IMPORT_FORMAT_TEXT);
  g_autoptr(GPtrArray) links = sp_test_segments (content, SP_SEGMENT_LINK);
  static const char * const hrefs[] = {
    "https://example.org/path_(x)?q=1", "https://example.org/y", "HTTP://EXAMPLE.ORG/Z",
    "https://example.org/q",
  };

  g_assert_nonnull (strstr (content->text->str, "<not markup>, *stars* stay"));
  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (hrefs));
  for (guint i = 0; i < links->len; i++)
    {
      const SpSegment *link = g_ptr_array_index (links, i);
      g_autofree char *link_text = sp_test_segment_text (content, link);

      g_assert_cmpstr (link->href, ==, hrefs[i]);
      g_assert_cmpstr (link_text, ==, hrefs[i]);
    }
}

static void
test_long_first_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SpDocumentContent) content = NULL;

  for (guint i = 0; i < 10; i++)
    g_string_append (text, "0123456789");
  g_string_append (text, "\n\nBody.");

  /* 100 characters is not a title any more. */
  content = sp_test_import (text->str, text->len, NULL, SP_IMPORT_FORMAT_TEXT);
  g_assert_null (content->title);
}

static void
test_page_joins (void)
{
  const char *text =
    "Joins\n\n"
    "The paragraph is cut by a\n\npage break and continues.\n\n"
    "A multi-\n\nstakeholder approach, and consensus-\n\nand merit-based rules.\n\n"
    "Ends with a colon:\n\nlowercase list text is not joined.\n\n"
    "A “quoted sentence.”\n\nlowercase again.";
  g_autoptr(SpDocumentContent) content = sp_test_import (text, -1, NULL, SP_IMPORT_FORMAT_TEXT);
  g_autoptr(GPtrArray) paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);

  g_assert_cmpstr (content->text->str, ==,
                   "Joins\n\n"
                   "The paragraph is cut by a page break and continues.\n\n"
                   "A multi-stakeholder approach, and consensus- and merit-based rules.\n\n"
                   "Ends with a colon:\n\nlowercase list text is not joined.\n\n"
                   "A “quoted sentence.”\n\nlowercase again.");
  g_assert_cmpuint (paragraphs->len, ==, 7);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (paragraphs, 6))->number, ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/text/paragraphs", test_paragraphs);
  g_test_add_func ("/import/text/urls", test_urls);
  g_test_add_func ("/import/text/long-first-line", test_long_first_line);
  g_test_add_func ("/import/text/page-joins", test_page_joins);

  return g_test_run ();
}

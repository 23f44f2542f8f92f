/* test-import-robustness.c: hostile, huge and random input. Every import
 * must end in a valid document or an SP_IMPORT_ERROR, in linear time.
 * Large inputs are generated here, never stored in the repository.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "test-import-util.h"

/* Generous bounds: they catch quadratic behaviour (minutes), not a slow
 * machine (the real times are a few tens of milliseconds). */
#define MAX_SECONDS_SMALL 5.0
#define MAX_SECONDS_BIG 20.0

typedef struct
{
  gint64 start;
} Timer;

static void
timer_start (Timer *timer)
{
  timer->start = g_get_monotonic_time ();
}

static void
timer_check (Timer      *timer,
             double      max_seconds,
             const char *what)
{
  double seconds = (g_get_monotonic_time () - timer->start) / (double) G_USEC_PER_SEC;

  g_test_message ("%s: %.3f s", what, seconds);
  if (!sp_test_under_valgrind ())
    g_assert_cmpfloat (seconds, <, max_seconds);
}

static SpDocumentContent *
import_any (const char     *data,
            gsize           len,
            SpImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  SpDocumentContent *content = sp_import_bytes (data, len, NULL, format, NULL, &error);

  if (content == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SP_IMPORT_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      g_assert_no_error (error);
      sp_test_assert_document (content);
    }

  return content;
}

static void
test_long_line (void)
{
  const gsize len = 1024 * 1024;
  g_autofree char *line = g_malloc (len);
  static const SpImportFormat formats[] = {
    SP_IMPORT_FORMAT_AUTO, SP_IMPORT_FORMAT_TEXT, SP_IMPORT_FORMAT_REPORT, SP_IMPORT_FORMAT_TRANSCRIPT,
  };

  for (gsize i = 0; i < len; i++)
    line[i] = (i % 7 == 6) ? ' ' : "abcdefghij"[i % 10];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(SpDocumentContent) content = NULL;
      g_autoptr(GPtrArray) paragraphs = NULL;
      const SpSegment *paragraph;
      Timer timer;

      timer_start (&timer);
      content = sp_test_import (line, len, NULL, formats[i]);
      timer_check (&timer, MAX_SECONDS_SMALL, "1 MB line");

      paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);
      g_assert_cmpuint (paragraphs->len, ==, 1);
      paragraph = g_ptr_array_index (paragraphs, 0);
      g_assert_cmpuint (paragraph->start, ==, 0);
      g_assert_cmpuint (paragraph->end - paragraph->start, ==, 1048576);
      g_assert_null (content->title);
    }
}

static void
test_long_line_markup (void)
{
  static const char * const pieces[] = {
    "*a", "**b", "<b>", "</i>", "<sup>1", "</sup>", "http://x.org/", " ", "¹", "x²", "<u>",
    "</u>", "<http://a.b>", "*", "<", "[", "](", "\\", "&amp;", "---", "<sup>", "99</sup>",
  };
  g_autoptr(GString) text = g_string_new ("Title\n\nRobin Mansell 00:01\n\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const SpImportFormat formats[] = {
    SP_IMPORT_FORMAT_TEXT, SP_IMPORT_FORMAT_REPORT, SP_IMPORT_FORMAT_TRANSCRIPT,
  };

  while (text->len < 1024 * 1024)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append (text, "\n\nMilton Mueller 00:02\n\n¹ The note.\n");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(SpDocumentContent) content = NULL;
      Timer timer;

      timer_start (&timer);
      content = import_any (text->str, text->len, formats[i]);
      timer_check (&timer, MAX_SECONDS_SMALL, "1 MB line of markup");
      g_assert_nonnull (content);
    }
}

static void
test_speaker_then_nothing (void)
{
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(SpDocumentContent) bare = NULL;
  g_autoptr(GPtrArray) turns = NULL;
  const SpSegment *turn;
  const SpSegment *label;

  content = sp_test_import ("Panel\n\nRobin Mansell 00:09\n", -1, NULL, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_assert_cmpstr (content->text->str, ==, "Panel\n\nRobin Mansell 00:09");
  turn = sp_test_find (content, SP_SEGMENT_TURN, "Robin");
  label = sp_test_find (content, SP_SEGMENT_SPEAKER, "Robin");
  g_assert_cmpuint (turn->start, ==, label->start);
  g_assert_cmpuint (turn->end, ==, label->end);
  g_assert_cmpuint (turn->end, ==, content->n_chars);

  bare = sp_test_import ("Robin Mansell 00:09", -1, NULL, SP_IMPORT_FORMAT_AUTO);
  turns = sp_test_segments (bare, SP_SEGMENT_TURN);
  g_assert_cmpint (bare->kind, ==, SP_DOCUMENT_KIND_TEXT);

  g_clear_pointer (&bare, sp_document_content_free);
  bare = sp_test_import ("Robin Mansell 00:09", -1, NULL, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_clear_pointer (&turns, g_ptr_array_unref);
  turns = sp_test_segments (bare, SP_SEGMENT_TURN);
  g_assert_cmpuint (turns->len, ==, 1);
  g_assert_null (bare->title);
}

static void
test_many_empty_turns (void)
{
  g_autoptr(GString) text = g_string_new ("Marathon\n\n");
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GPtrArray) turns = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  Timer timer;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "%s %u:%02u:%02u\n", i % 2 ? "Alice Smith" : "Bob Jones",
                            i / 3600, (i / 60) % 60, i % 60);

  timer_start (&timer);
  content = sp_test_import (text->str, text->len, NULL, SP_IMPORT_FORMAT_AUTO);
  timer_check (&timer, MAX_SECONDS_SMALL, "10,000 empty turns");

  turns = sp_test_segments (content, SP_SEGMENT_TURN);
  labels = sp_test_segments (content, SP_SEGMENT_SPEAKER);
  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_assert_cmpuint (turns->len, ==, 10000);
  g_assert_cmpuint (labels->len, ==, 10000);
  for (guint i = 0; i < turns->len; i++)
    {
      const SpSegment *turn = g_ptr_array_index (turns, i);
      const SpSegment *label = g_ptr_array_index (labels, i);

      g_assert_cmpuint (turn->start, ==, label->start);
      g_assert_cmpuint (turn->end, ==, label->end);
      g_assert_cmpint (turn->timestamp_ms, ==, (gint64) i * 1000);
    }
}

static void
test_deep_markdown (void)
{
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) indented = g_string_new (NULL);
  g_autoptr(GString) spans = g_string_new ("# Spans\n\n");
  GString *inputs[4];

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_c (quotes, '>');
      g_string_append (lists, "- ");
    }
  g_string_append (quotes, " deep\n");
  g_string_append (lists, "deep\n");
  for (guint i = 0; i < 1000; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (indented, "  ");
      g_string_append_printf (indented, "- item %u\n", i);
    }
  for (guint i = 0; i < 20000; i++)
    g_string_append (spans, "*");
  g_string_append (spans, "x\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (spans, "[");
  g_string_append (spans, "\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (spans, "<sup><b><i>");
  g_string_append (spans, "\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (spans, "[a](http://x.org/ ");

  inputs[0] = quotes;
  inputs[1] = lists;
  inputs[2] = indented;
  inputs[3] = spans;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(SpDocumentContent) content = NULL;
      Timer timer;

      timer_start (&timer);
      content = sp_test_import (inputs[i]->str, inputs[i]->len, NULL, SP_IMPORT_FORMAT_REPORT);
      timer_check (&timer, MAX_SECONDS_SMALL, "deep Markdown");
      if (i < 2)
        g_assert_true (g_str_has_suffix (content->text->str, "deep"));
    }
}

static void
test_sup_edge_cases (void)
{
  const char *md =
    "# Sup\n\n"
    "Huge<sup>999999999999</sup> number, letters 21<sup>st</sup>, a list<sup>3,4</sup>, "
    "zero<sup>0</sup>, and an unterminated <sup>12 at the end\n\n"
    "Unterminated at the very end<sup>5\n\n"
    "---\n\n"
    "<sup>3</sup> Three.\n\n<sup>4</sup> Four.\n\n<sup>5</sup> Five.\n\n<sup>12</sup> Twelve.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (md, -1, NULL, SP_IMPORT_FORMAT_REPORT);
  g_autoptr(GPtrArray) refs = sp_test_segments (content, SP_SEGMENT_FOOTNOTE_REF);

  g_assert_cmpstr (content->text->str, ==,
                   "Sup\n\n"
                   "Huge⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹ number, letters 21st, a list³,⁴, zero⁰, and an "
                   "unterminated 12 at the end\n\nUnterminated at the very end⁵\n\n"
                   "Notes\n\n³ Three.\n\n⁴ Four.\n\n⁵ Five.\n\n¹² Twelve.");
  /* Only 3, 4 and 5 refer to footnotes. */
  g_assert_cmpuint (refs->len, ==, 3);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (refs, 0))->number, ==, 3);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (refs, 1))->number, ==, 4);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (refs, 2))->number, ==, 5);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_FOOTNOTE, "¹² Twelve.")->target, ==, -1);
}

static void
test_orphans (void)
{
  const char *transcript =
    "Orphans\n\nRobin Mansell 00:01\n\nA reference⁷ with no note, and 10 m² of floor.\n\n"
    "⁸ A note nobody refers to.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (transcript, -1, NULL, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_autoptr(GPtrArray) refs = sp_test_segments (content, SP_SEGMENT_FOOTNOTE_REF);
  const SpSegment *footnote = sp_test_find (content, SP_SEGMENT_FOOTNOTE, "⁸ A note nobody refers to.");

  g_assert_cmpuint (refs->len, ==, 0);
  g_assert_nonnull (strstr (content->text->str, "A reference⁷ with no note, and 10 m² of floor."));
  g_assert_nonnull (footnote);
  g_assert_cmpint (footnote->target, ==, -1);
  g_assert_null (sp_test_enclosing (content, SP_SEGMENT_TURN, footnote->start, footnote->end));
}

static void
test_blank_lines_in_blocks (void)
{
  const char *transcript =
    "Breaks\n\nRobin Mansell 00:01\n\n"
    "line <b>one<br><br>\n<i> </i>\nline</b>  two   \n<br>\n";
  const char *md = "# Breaks\n\nA<br><br>B<br> <br><u>C<br><br>D</u><br>\n";
  g_autoptr(SpDocumentContent) spoken = sp_test_import (transcript, -1, NULL, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_autoptr(SpDocumentContent) written = sp_test_import (md, -1, NULL, SP_IMPORT_FORMAT_REPORT);
  const SpSegment *bold;
  const SpSegment *underline;
  g_autofree char *bold_text = NULL;
  g_autofree char *underline_text = NULL;

  g_assert_cmpstr (spoken->text->str, ==, "Breaks\n\nRobin Mansell 00:01\n\nline one\nline  two");
  bold = sp_test_find (spoken, SP_SEGMENT_EMPHASIS, "one");
  g_assert_nonnull (bold);
  bold_text = sp_test_segment_text (spoken, bold);
  g_assert_cmpstr (bold_text, ==, "one\nline");

  g_assert_cmpstr (written->text->str, ==, "Breaks\n\nA\nB\nC\nD");
  underline = sp_test_find (written, SP_SEGMENT_EMPHASIS, "C");
  g_assert_nonnull (underline);
  underline_text = sp_test_segment_text (written, underline);
  g_assert_cmpstr (underline_text, ==, "C\nD");
}

/* ------------------------------------------------------------------------ */
/* Fuzzing                                                                   */

static const char * const tokens[] = {
  "<sup>", "</sup>", "<sup>7</sup> ", "---\n", "\n\n", "\n", "¹ ", "² ", "³",
  "Robin Mansell 00:09\n", "Baisheng An² 40:05\n", "CHAIR SMITH: ", "[01:02:03] Jane Doe: ",
  "\r", "\r\n", "\xff", "\xe2\x81", "\xc3", "**", "*", "_", "[", "](", "](http://x.org/a)",
  "<http://a.b/c>", "<b>", "</b>", "<u>", "</u>", "<br>", "&amp;", "&#0;", "&#x110000;", "# ",
  "## **", "- ", "1. ", "> ", "    ", "\t", "|", "| a | b |\n|---|---|\n", "```\n", "\\",
  "\\\\_", "https://example.org/x_(y)", ".....\t12\n", "<!--", "-->", "\xef\xbb\xbf", "\x01",
  "\x0c", "\xe2\x80\xa8",
};

static void
mutate (GString *buffer,
        GRand   *rand)
{
  guint n = g_rand_int_range (rand, 1, 12);

  for (guint k = 0; k < n; k++)
    {
      gsize pos = buffer->len > 0 ? g_rand_int_range (rand, 0, (gint32) buffer->len) : 0;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          if (buffer->len > 0)
            buffer->str[pos] = (char) g_rand_int_range (rand, 1, 256);
          break;
        case 1:
          g_string_insert (buffer, pos, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
          break;
        case 2:
          {
            gsize n_bytes = g_rand_int_range (rand, 1, 200);

            g_string_erase (buffer, pos, MIN (buffer->len - pos, n_bytes));
          }
          break;
        case 3:
          {
            gsize n_bytes = g_rand_int_range (rand, 1, 300);
            g_autofree char *copy = NULL;
            gsize to;

            n_bytes = MIN (buffer->len - pos, n_bytes);
            copy = g_strndup (buffer->str + pos, n_bytes);
            to = g_rand_int_range (rand, 0, (gint32) buffer->len + 1);
            g_string_insert_len (buffer, to, copy, n_bytes);
          }
          break;
        case 4:
          for (guint j = 0; j < 8 && pos < buffer->len; j++, pos++)
            buffer->str[pos] = (char) g_rand_int_range (rand, 0, 256);
          break;
        default:
          g_string_insert_c (buffer, pos, "\n*<>[]_#-\\&"[g_rand_int_range (rand, 0, 11)]);
          break;
        }
    }
}

static void
test_fuzz (void)
{
  g_autofree char *report = NULL;
  g_autofree char *transcript = NULL;
  g_autofree char *footnotes = NULL;
  g_autofree char *hearing = NULL;
  gsize lens[4];
  const char *sources[4];
  const char *seed = g_getenv ("SP_TEST_FUZZ_SEED");
  const char *count = g_getenv ("SP_TEST_FUZZ_ITERATIONS");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed != NULL ? (guint32) g_ascii_strtoull (seed, NULL, 10) : 20220912);
  guint iterations = sp_test_under_valgrind () ? 200 : 600;
  guint n_documents = 0;
  guint n_errors = 0;

  /* For longer runs by hand: SP_TEST_FUZZ_SEED=7 SP_TEST_FUZZ_ITERATIONS=100000 */
  if (count != NULL)
    iterations = (guint) g_ascii_strtoull (count, NULL, 10);

  sources[0] = report = sp_test_read_corpus ("geopolitics-of-standards-report.md", &lens[0]);
  sources[1] = transcript = sp_test_read_corpus ("geopolitics-of-standards-webinar-transcript.txt", &lens[1]);
  sources[2] = footnotes = sp_test_read_data ("footnotes.md", &lens[2]);
  sources[3] = hearing = sp_test_read_data ("hearing.txt", &lens[3]);

  for (guint i = 0; i < iterations; i++)
    {
      guint source = g_rand_int_range (rand, 0, G_N_ELEMENTS (sources));
      gsize window = g_rand_int_range (rand, 16, 12000);
      gsize offset;
      g_autoptr(GString) buffer = NULL;
      g_autoptr(SpDocumentContent) content = NULL;
      SpImportFormat format = (SpImportFormat) g_rand_int_range (rand, 0, 4);

      window = MIN (window, lens[source]);
      offset = g_rand_int_range (rand, 0, (gint32) (lens[source] - window + 1));

      /* Now and then the whole document, so the page and footnote logic
       * sees its real structure; mostly windows, to keep the test fast. */
      if (i % 25 == 0)
        {
          offset = 0;
          window = lens[source];
        }
      buffer = g_string_new_len (sources[source] + offset, window);
      if (i % 5 != 0)
        mutate (buffer, rand);
      if (i % 50 == 1)
        for (gsize j = 0; j < buffer->len; j++)
          buffer->str[j] = (char) g_rand_int (rand);

      /* SP_TEST_FUZZ_DUMP=file keeps the input that made a run fail. */
      if (g_getenv ("SP_TEST_FUZZ_DUMP") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", g_getenv ("SP_TEST_FUZZ_DUMP"),
                                                   sp_import_format_to_string (format));

          g_file_set_contents (name, buffer->str, buffer->len, NULL);
        }
      content = import_any (buffer->str, buffer->len, format);
      if (g_getenv ("SP_TEST_FUZZ_DUMP") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", g_getenv ("SP_TEST_FUZZ_DUMP"),
                                                   sp_import_format_to_string (format));

          g_unlink (name);
        }
      if (content != NULL)
        n_documents++;
      else
        n_errors++;
    }

  g_test_message ("%u documents, %u errors", n_documents, n_errors);
  g_assert_cmpuint (n_documents, >, iterations / 2);
}

/* ------------------------------------------------------------------------ */
/* Size                                                                      */

static gsize
peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;

  return (gsize) g_ascii_strtoull (line + 6, NULL, 10) * 1024;
}

static void
test_big_transcript (void)
{
  g_autofree char *corpus = NULL;
  gsize corpus_len;
  const char *body;
  gsize target = (g_test_slow () || g_getenv ("SP_TEST_BIG") != NULL) ? 100 * 1024 * 1024 : 20 * 1024 * 1024;
  g_autoptr(GString) text = NULL;
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GError) error = NULL;
  gsize before;
  gsize after;
  Timer timer;

  if (sp_test_under_valgrind ())
    target = 2 * 1024 * 1024;

  corpus = sp_test_read_corpus ("geopolitics-of-standards-webinar-transcript.txt", &corpus_len);
  body = strchr (corpus, '\n') + 1;
  text = g_string_sized_new (target + corpus_len);
  g_string_append_len (text, corpus, corpus_len);
  while (text->len < target)
    g_string_append_len (text, body, corpus_len - (body - corpus));

  before = peak_memory ();
  timer_start (&timer);
  content = sp_import_bytes (text->str, text->len, NULL, SP_IMPORT_FORMAT_AUTO, NULL, &error);
  timer_check (&timer, MAX_SECONDS_BIG, "big transcript");
  g_assert_no_error (error);
  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  after = peak_memory ();

  /* The output text is about as big as the input; with the segments and
   * allocator slack it must stay well under three copies of the input. */
  g_test_message ("%" G_GSIZE_FORMAT " MB in, peak grew by %" G_GSIZE_FORMAT " MB",
                  text->len >> 20, (after - before) >> 20);
  /* Sanitizers and valgrind add their own bookkeeping to every block. */
#if !defined (__SANITIZE_ADDRESS__)
  if (!sp_test_under_valgrind () && before > 0)
    g_assert_cmpuint (after - before, <, 2 * text->len);
#endif
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/robustness/long-line", test_long_line);
  g_test_add_func ("/import/robustness/long-line-markup", test_long_line_markup);
  g_test_add_func ("/import/robustness/speaker-then-nothing", test_speaker_then_nothing);
  g_test_add_func ("/import/robustness/many-empty-turns", test_many_empty_turns);
  g_test_add_func ("/import/robustness/deep-markdown", test_deep_markdown);
  g_test_add_func ("/import/robustness/sup-edge-cases", test_sup_edge_cases);
  g_test_add_func ("/import/robustness/orphans", test_orphans);
  g_test_add_func ("/import/robustness/blank-lines-in-blocks", test_blank_lines_in_blocks);
  g_test_add_func ("/import/robustness/fuzz", test_fuzz);
  g_test_add_func ("/import/robustness/big-transcript", test_big_transcript);

  return g_test_run ();
}

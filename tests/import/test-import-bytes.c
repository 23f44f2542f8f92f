/* test-import-bytes.c: what sp_import_bytes() does before any importer
 * runs: refusing what is not text, encodings, line ends, format detection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-import-util.h"

static GError *
import_error (const char     *data,
              gsize           len,
              SpImportFormat  format)
{
  GError *error = NULL;
  SpDocumentContent *content = sp_import_bytes (data, len, "input", format, NULL, &error);

  g_assert_null (content);
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);

  return error;
}

static void
test_format_strings (void)
{
  static const char * const names[] = { "auto", "text", "report", "transcript" };
  SpImportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (sp_import_format_to_string ((SpImportFormat) i), ==, names[i]);
      g_assert_true (sp_import_format_from_string (names[i], &format));
      g_assert_cmpint (format, ==, (int) i);
    }
  g_assert_true (sp_import_format_from_string ("Transcript", &format));
  g_assert_cmpint (format, ==, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_assert_false (sp_import_format_from_string ("pdf", &format));
  g_assert_false (sp_import_format_from_string (NULL, &format));
  g_assert_null (sp_import_format_to_string ((SpImportFormat) 42));
}

static void
test_empty (void)
{
  static const char * const inputs[] = { "", " \n\t\r\n  ", "\xef\xbb\xbf  \n", "\xc2\xa0\n\xe3\x80\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = import_error (inputs[i], strlen (inputs[i]), SP_IMPORT_FORMAT_AUTO);

      g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
    }

  /* Markup and nothing else is empty too. */
  {
    g_autoptr(GError) error = import_error ("---\n\n<b></b>\n", 13, SP_IMPORT_FORMAT_REPORT);

    g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
  }
}

static void
test_too_large (void)
{
  /* The size is checked before a byte is read. */
  g_autoptr(GError) error = import_error ("x", SP_IMPORT_MAX_BYTES + 1, SP_IMPORT_FORMAT_AUTO);

  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "MB"));
}

static void
test_nul (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  data = sp_test_read_data ("nul.bin", &len);
  error = import_error (data, len, SP_IMPORT_FORMAT_AUTO);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte offset 25"));
}

static void
test_magic (void)
{
  g_autofree char *pdf = NULL;
  g_autofree char *zip = NULL;
  gsize pdf_len, zip_len;
  g_autoptr(GError) pdf_error = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GError) png_error = NULL;
  g_autoptr(GError) rtf_error = NULL;

  pdf = sp_test_read_data ("fake.pdf", &pdf_len);
  pdf_error = import_error (pdf, pdf_len, SP_IMPORT_FORMAT_AUTO);
  g_assert_error (pdf_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (pdf_error->message, "PDF import is not available yet"));

  zip = sp_test_read_data ("fake.docx", &zip_len);
  zip_error = import_error (zip, zip_len, SP_IMPORT_FORMAT_TEXT);
  g_assert_error (zip_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (zip_error->message, ".docx"));
  g_assert_nonnull (strstr (zip_error->message, "plain text or Markdown"));

  png_error = import_error ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, SP_IMPORT_FORMAT_AUTO);
  g_assert_error (png_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (png_error->message, "PNG"));

  rtf_error = import_error ("{\\rtf1\\ansi Hello}", 18, SP_IMPORT_FORMAT_AUTO);
  g_assert_error (rtf_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
}

static void
test_control_characters (void)
{
  g_autoptr(GString) binary = g_string_new ("Header\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDocumentContent) content = NULL;
  const char *stray = "First line\n\nAn \x1b[1mescape\x1b[0m and a form\ffeed.\n";

  for (guint i = 0; i < 300; i++)
    g_string_append_c (binary, (char) (1 + i % 8));
  error = import_error (binary->str, binary->len, SP_IMPORT_FORMAT_AUTO);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte offset 7"));

  /* A few stray ones are removed, and the user is told where. */
  content = sp_test_import (stray, -1, NULL, SP_IMPORT_FORMAT_TEXT);
  g_assert_cmpstr (content->text->str, ==, "First line\n\nAn [1mescape[0m and a form\nfeed.");
  g_assert_cmpuint (content->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (content->warnings, 0), "Removed 2 control characters"));
  g_assert_nonnull (strstr (g_ptr_array_index (content->warnings, 0), "line 3, column 4"));
}

static void
test_bom (void)
{
  g_autoptr(SpDocumentContent) content = sp_test_import ("\xef\xbb\xbfHello\r\n\r\nWorld\r\n", -1, NULL,
                                                         SP_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (content->text->str, ==, "Hello\n\nWorld");
  g_assert_cmpstr (content->title, ==, "Hello");
  g_assert_cmpuint (content->warnings->len, ==, 0);
}

static void
test_utf16 (void)
{
  static const char * const files[] = { "utf16le.txt", "utf16be.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      g_autoptr(SpDocumentContent) content = NULL;

      data = sp_test_read_data (files[i], &len);
      content = sp_test_import (data, len, files[i], SP_IMPORT_FORMAT_AUTO);
      g_assert_cmpstr (content->text->str, ==, "Héllo wörld\n\nSecond paragraph ✓");
      g_assert_cmpstr (content->title, ==, "Héllo wörld");
      g_assert_cmpuint (content->warnings->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (content->warnings, 0), "UTF-16"));
    }

  /* A BOM and then an odd byte count: not UTF-16 after all. */
  {
    g_autoptr(GError) error = import_error ("\xff\xfeH\0i\0!", 7, SP_IMPORT_FORMAT_AUTO);

    g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "byte offset 6"));
  }
}

static void
test_windows_1252 (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(SpDocumentContent) cafe = NULL;
  const char *warning;

  cafe = sp_test_import ("caf\xe9", 4, NULL, SP_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (cafe->text->str, ==, "café");
  g_assert_cmpuint (cafe->warnings->len, ==, 1);

  data = sp_test_read_data ("cp1252.txt", &len);
  content = sp_test_import (data, len, "cp1252.txt", SP_IMPORT_FORMAT_AUTO);
  /* 0x81 is not Windows-1252: Latin-1 gives U+0081. */
  g_assert_cmpstr (content->text->str, ==, "Café crème\n\n“Quoted” naïve € and \xc2\x81");
  g_assert_cmpuint (content->warnings->len, ==, 1);
  warning = g_ptr_array_index (content->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "Windows-1252"));
  g_assert_nonnull (strstr (warning, "line 1, column 4"));
  g_assert_nonnull (strstr (warning, "7 bytes"));
}

static void
test_mixed_invalid (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(SpDocumentContent) content = NULL;
  const char *warning;

  data = sp_test_read_data ("mixed-invalid.txt", &len);
  content = sp_test_import (data, len, NULL, SP_IMPORT_FORMAT_AUTO);

  /* The valid UTF-8 stays as it is; only the stray bytes are converted. */
  g_assert_cmpstr (content->text->str, ==,
                   "Title line\n\nUTF-8 café, then a stray é byte\nand an unfinished â€ sequence and ÿ.");
  warning = g_ptr_array_index (content->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "line 3, column 26"));
  g_assert_nonnull (strstr (warning, "4 bytes"));
}

static void
test_line_ends (void)
{
  g_autoptr(SpDocumentContent) content = sp_test_import ("A\r\nb\rc.\n\r\nD\r", -1, NULL, SP_IMPORT_FORMAT_TEXT);
  g_autoptr(GPtrArray) paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);

  g_assert_cmpstr (content->text->str, ==, "A\nb\nc.\n\nD");
  g_assert_cmpuint (paragraphs->len, ==, 2);
  g_assert_null (strchr (content->text->str, '\r'));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *report = NULL;
  gsize len;

  report = sp_test_read_corpus ("geopolitics-of-standards-report.md", &len);
  g_cancellable_cancel (cancellable);

  for (int format = SP_IMPORT_FORMAT_AUTO; format <= SP_IMPORT_FORMAT_TRANSCRIPT; format++)
    {
      g_autoptr(GError) error = NULL;
      SpDocumentContent *content = sp_import_bytes (report, len, NULL, (SpImportFormat) format,
                                                    cancellable, &error);

      g_assert_null (content);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

static void
test_detect (void)
{
  g_autofree char *report = NULL;
  g_autofree char *transcript = NULL;
  gsize report_len, transcript_len;
  const char *prose = "A note\n\nSome text with a --- dash and a * star.\n\nMore: text.\n";
  const char *markdown = "# Heading\n\nText.\n";
  const char *binary = "\xff\xfe\x00\x01 Robin Mansell 00:09\n\xc3";

  report = sp_test_read_corpus ("geopolitics-of-standards-report.md", &report_len);
  transcript = sp_test_read_corpus ("geopolitics-of-standards-webinar-transcript.txt", &transcript_len);

  g_assert_cmpint (sp_import_detect_format (report, report_len, NULL), ==, SP_IMPORT_FORMAT_REPORT);
  g_assert_cmpint (sp_import_detect_format (report, report_len, "report.txt"), ==, SP_IMPORT_FORMAT_REPORT);
  g_assert_cmpint (sp_import_detect_format (transcript, transcript_len, NULL), ==, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_assert_cmpint (sp_import_detect_format (transcript, transcript_len, "x.md"), ==, SP_IMPORT_FORMAT_TRANSCRIPT);
  g_assert_cmpint (sp_import_detect_format (prose, strlen (prose), NULL), ==, SP_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (sp_import_detect_format (prose, strlen (prose), "notes.MD"), ==, SP_IMPORT_FORMAT_REPORT);
  g_assert_cmpint (sp_import_detect_format (markdown, strlen (markdown), NULL), ==, SP_IMPORT_FORMAT_REPORT);
  g_assert_cmpint (sp_import_detect_format (binary, 26, NULL), ==, SP_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (sp_import_detect_format (NULL, 0, NULL), ==, SP_IMPORT_FORMAT_TEXT);
}

static void
test_title_fallback (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SpDocumentContent) named = NULL;
  g_autoptr(SpDocumentContent) anonymous = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append (text, "a long first line ");

  named = sp_test_import (text->str, text->len, "/some/dir/My  notes.txt", SP_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (named->title, ==, "My notes");
  anonymous = sp_test_import (text->str, text->len, NULL, SP_IMPORT_FORMAT_AUTO);
  g_assert_null (anonymous->title);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/bytes/format-strings", test_format_strings);
  g_test_add_func ("/import/bytes/empty", test_empty);
  g_test_add_func ("/import/bytes/too-large", test_too_large);
  g_test_add_func ("/import/bytes/nul", test_nul);
  g_test_add_func ("/import/bytes/magic", test_magic);
  g_test_add_func ("/import/bytes/control-characters", test_control_characters);
  g_test_add_func ("/import/bytes/bom", test_bom);
  g_test_add_func ("/import/bytes/utf16", test_utf16);
  g_test_add_func ("/import/bytes/windows-1252", test_windows_1252);
  g_test_add_func ("/import/bytes/mixed-invalid", test_mixed_invalid);
  g_test_add_func ("/import/bytes/line-ends", test_line_ends);
  g_test_add_func ("/import/bytes/cancelled", test_cancelled);
  g_test_add_func ("/import/bytes/detect", test_detect);
  g_test_add_func ("/import/bytes/title-fallback", test_title_fallback);

  return g_test_run ();
}

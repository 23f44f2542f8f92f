/* sp-importer.c: from raw bytes to one validated document.
 *
 * Everything about bytes happens here, once, so the importers only ever see
 * valid UTF-8 with "\n" line ends: refusing binary files and formats we do
 * not read, converting UTF-16 and legacy 8-bit text, normalising line ends.
 * The common case (clean UTF-8) is passed through without a copy, because a
 * 100 MB transcript must not cost three copies of itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-importer.h"
#include "sp-import-private.h"
#include "sp-import-util.h"
#include "sp-error.h"

/* How much of a file detection and binary sniffing look at. */
#define SNIFF_BYTES (256 * 1024)
#define CONTROL_SNIFF_BYTES (64 * 1024)

G_DEFINE_QUARK (sp-import-error-quark, sp_import_error)

static const char * const format_names[] = {
  [SP_IMPORT_FORMAT_AUTO] = "auto",
  [SP_IMPORT_FORMAT_TEXT] = "text",
  [SP_IMPORT_FORMAT_REPORT] = "report",
  [SP_IMPORT_FORMAT_TRANSCRIPT] = "transcript",
};

const char *
sp_import_format_to_string (SpImportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_names))
    return NULL;
  return format_names[format];
}

gboolean
sp_import_format_from_string (const char     *str,
                              SpImportFormat *format)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          if (format != NULL)
            *format = (SpImportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Detection                                                                 */

static gboolean
has_markdown_name (const char *filename)
{
  static const char * const suffixes[] = { ".md", ".markdown", ".mdown", ".mkd", ".mkdn" };
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_thematic_break (const char *line,
                   gsize       len)
{
  char mark = 0;
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = line[i];

      if (c == ' ' || c == '\t')
        continue;
      if (c != '-' && c != '*' && c != '_')
        return FALSE;
      if (mark != 0 && c != mark)
        return FALSE;
      mark = c;
      n++;
    }

  return n >= 3;
}

static gboolean
contains_ci (const char *line,
             gsize       len,
             const char *needle)
{
  gsize n = strlen (needle);
  const char *p = line;
  const char *end = line + len;

  /* Every needle starts with punctuation, so memchr() finds candidates. */
  g_assert (!g_ascii_isalpha (needle[0]));

  while (p + n <= end && (p = memchr (p, needle[0], end - p)) != NULL && p + n <= end)
    {
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return TRUE;
      p++;
    }

  return FALSE;
}

SpImportFormat
sp_import_detect_format (const char *data,
                         gsize       len,
                         const char *filename)
{
  g_autoptr(GHashTable) colon_names = NULL;
  const char *p = data;
  const char *end;
  guint n_speaker = 0;
  guint n_colon = 0;
  guint max_repeat = 0;
  guint n_paragraphs = 0;
  guint n_headings = 0;
  guint n_rules = 0;
  gboolean has_sup = FALSE;
  gboolean has_link = FALSE;
  gboolean has_bold = FALSE;
  gboolean previous_blank = TRUE;
  int score;

  if (data == NULL)
    return has_markdown_name (filename) ? SP_IMPORT_FORMAT_REPORT : SP_IMPORT_FORMAT_TEXT;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  end = data + MIN (len, (gsize) SNIFF_BYTES);
  colon_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      gsize line_len;
      SpSpeakerMatch match;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      line_len = line_end - p;

      if (sp_import_is_blank (p, line_len))
        previous_blank = TRUE;
      else
        {
          if (previous_blank)
            n_paragraphs++;
          previous_blank = FALSE;

          if (sp_import_match_speaker_line (p, line_len, NULL))
            n_speaker++;
          else if (sp_import_match_colon_line (p, line_len, &match))
            {
              g_autofree char *name = g_strndup (p + match.name_start, match.name_len);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (colon_names, name)) + 1;

              n_colon++;
              max_repeat = MAX (max_repeat, count);
              if (g_hash_table_size (colon_names) < 256 || count > 1)
                g_hash_table_replace (colon_names, g_steal_pointer (&name), GUINT_TO_POINTER (count));
            }

          if (line_len >= 2 && p[0] == '#')
            {
              gsize hashes = 0;

              while (hashes < line_len && p[hashes] == '#')
                hashes++;
              if (hashes <= 6 && hashes < line_len && (p[hashes] == ' ' || p[hashes] == '\t'))
                n_headings++;
            }
          if (is_thematic_break (p, line_len))
            n_rules++;
          if (!has_sup && contains_ci (p, line_len, "<sup>"))
            has_sup = TRUE;
          if (!has_link && (contains_ci (p, line_len, "](http") || contains_ci (p, line_len, "](#") ||
                            contains_ci (p, line_len, "<http")))
            has_link = TRUE;
          if (!has_bold && contains_ci (p, line_len, "**"))
            has_bold = TRUE;
        }

      p = (nl != NULL) ? nl + 1 : end;
    }

  if (n_speaker >= 2)
    return SP_IMPORT_FORMAT_TRANSCRIPT;

  /* "Word: text" also occurs in prose; a transcript has several such lines
   * by at least two people, someone speaking more than once, and they start
   * a good share of its paragraphs. */
  if (n_colon >= 3 && g_hash_table_size (colon_names) >= 2 && max_repeat >= 2 &&
      n_colon * 4 >= n_paragraphs)
    return SP_IMPORT_FORMAT_TRANSCRIPT;

  if (has_markdown_name (filename))
    return SP_IMPORT_FORMAT_REPORT;

  /* "# Title" alone is Markdown already; the rest are weaker signs that
   * need company ("---" and "**" also occur in plain text). */
  score = (n_headings > 0 ? 3 : 0) + MIN (n_rules, 2u) +
          (has_sup ? 2 : 0) + (has_link ? 2 : 0) + (has_bold ? 1 : 0);
  if (score >= 3)
    return SP_IMPORT_FORMAT_REPORT;

  return SP_IMPORT_FORMAT_TEXT;
}

/* ------------------------------------------------------------------------ */
/* Bytes                                                                     */

static gboolean
check_magic (const char  *data,
             gsize        len,
             GError     **error)
{
  static const struct {
    const char *magic;
    gsize       len;
    const char *name;
  } binary[] = {
    { "\x89PNG\r\n\x1a\n", 8, "PNG image" },
    { "\xff\xd8\xff", 3, "JPEG image" },
    { "GIF87a", 6, "GIF image" },
    { "GIF89a", 6, "GIF image" },
    { "\x7f" "ELF", 4, "program (ELF)" },
    { "\x1f\x8b", 2, "gzip archive" },
    { "BZh", 3, "bzip2 archive" },
    { "\xfd" "7zXZ", 5, "xz archive" },
    { "7z\xbc\xaf\x27\x1c", 6, "7-Zip archive" },
    { "Rar!\x1a\x07", 6, "RAR archive" },
    { "SQLite format 3", 16, "SQLite database" },
    { "OggS", 4, "Ogg audio or video" },
    { "ID3", 3, "MP3 audio" },
    { "fLaC", 4, "FLAC audio" },
  };

  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("This is a PDF file. PDF import is not available yet; "
                     "copy its text into a plain text or Markdown file and import that instead."));
      return FALSE;
    }

  if (len >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("This is a ZIP archive, such as a Word (.docx), OpenDocument (.odt) "
                     "or REFI-QDA (.qdpx) file, which Standpoint cannot import yet. "
                     "Save the document as plain text or Markdown and import that instead."));
      return FALSE;
    }

  if (len >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("This is an older Microsoft Office file (such as .doc), which Standpoint "
                     "cannot import. Save the document as plain text or Markdown and import that instead."));
      return FALSE;
    }

  if (len >= 5 && memcmp (data, "{\\rtf", 5) == 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("This is a Rich Text (RTF) file, which Standpoint cannot import yet. "
                     "Save the document as plain text or Markdown and import that instead."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (binary); i++)
    {
      if (len >= binary[i].len && memcmp (data, binary[i].magic, binary[i].len) == 0)
        {
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY,
                       _("This is a %s, not a text document."), binary[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

/* The 0x80–0x9F range of Windows-1252; 0 where it defines nothing, and
 * ISO-8859-1 (the same code point as the byte) is used instead. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static gunichar
cp1252_to_unichar (guchar byte)
{
  if (byte >= 0x80 && byte <= 0x9f && cp1252_high[byte - 0x80] != 0)
    return cp1252_high[byte - 0x80];
  return byte;
}

static inline gboolean
is_stray_control (guchar c)
{
  return (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f;
}

/* 1-based line and column (in characters) of byte @offset of @data, whose
 * bytes before @offset are valid UTF-8. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        {
          (*line)++;
          line_start = data + i + 1;
        }
    }
  *column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

typedef struct
{
  guint  n_controls;
  gsize  first_control;
  guint  n_invalid;
  gsize  first_invalid;
} Normalise;

/* Appends @len bytes of valid UTF-8 with CR and CRLF turned into LF, form
 * feeds into LF and other control characters dropped. */
static void
append_normalised (GString    *out,
                   const char *p,
                   gsize       len,
                   gsize       base,
                   Normalise  *state)
{
  gsize run = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) p[i];

      if (c >= 0x20 && c != 0x7f)
        continue;
      if (c == '\n' || c == '\t')
        continue;

      g_string_append_len (out, p + run, i - run);
      run = i + 1;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && p[i + 1] == '\n')
            {
              i++;
              run = i + 1;
            }
        }
      else if (c == '\f')
        g_string_append_c (out, '\n');
      else
        {
          if (state->n_controls++ == 0)
            state->first_control = base + i;
        }
    }
  g_string_append_len (out, p + run, len - run);
}

/* Makes @data valid, normalised UTF-8: in place when it already is (the
 * usual case), else in @owned. Adds what it changed to @warnings. */
static gboolean
decode (const char  *data,
        gsize        len,
        char       **owned,
        const char **text,
        gsize       *text_len,
        GPtrArray   *warnings,
        GError     **error)
{
  const char *nul;
  const char *invalid = NULL;
  gboolean has_cr = FALSE;
  guint n_controls = 0;
  gsize first_control = 0;
  gsize sniff;
  Normalise state = { 0 };
  GString *out;

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY,
                   _("The file contains a NUL byte at byte offset %lu, so it is not a text file. "
                     "If it is UTF-16 text without a byte-order mark, save it as UTF-8 and "
                     "import it again."),
                   (unsigned long) (nul - data));
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];

      if (c >= 0x20 && c != 0x7f)
        continue;
      if (c == '\r')
        has_cr = TRUE;
      else if (is_stray_control (c))
        {
          if (n_controls == 0)
            first_control = i;
          n_controls++;
        }
    }

  /* A few stray control characters happen in real text (a form feed, an
   * escape from a terminal log); many in the first part means binary. */
  sniff = MIN (len, (gsize) CONTROL_SNIFF_BYTES);
  if (n_controls > 8 && first_control < sniff)
    {
      guint in_sniff = 0;

      for (gsize i = 0; i < sniff; i++)
        if (is_stray_control ((guchar) data[i]) && data[i] != '\f')
          in_sniff++;
      if (in_sniff > 8 && in_sniff * 100 > sniff)
        {
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY,
                       _("The file contains many control characters (the first at byte offset %lu), "
                         "so it does not look like a text document."),
                       (unsigned long) first_control);
          return FALSE;
        }
    }

  if (g_utf8_validate_len (data, len, &invalid) && !has_cr && n_controls == 0)
    {
      *text = data;
      *text_len = len;
      return TRUE;
    }

  out = g_string_sized_new (len + 16);
  {
    gsize pos = 0;

    while (pos < len)
      {
        const char *chunk_end = NULL;
        gboolean valid = g_utf8_validate_len (data + pos, len - pos, &chunk_end);
        gsize n = valid ? len - pos : (gsize) (chunk_end - (data + pos));

        append_normalised (out, data + pos, n, pos, &state);
        if (valid)
          break;

        /* One byte that is not UTF-8: read it as Windows-1252. Valid UTF-8
         * around it stays as it is, so a UTF-8 file with one stray byte
         * does not turn into mojibake. */
        if (state.n_invalid++ == 0)
          state.first_invalid = pos + n;
        g_string_append_unichar (out, cp1252_to_unichar ((guchar) data[pos + n]));
        pos += n + 1;
      }
  }

  if (state.n_invalid > 0)
    {
      guint line, column;

      locate (data, state.first_invalid, &line, &column);
      g_ptr_array_add (warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The file is not valid UTF-8 (the first problem is at line %u, column %u); "
                                                     "%u byte was read as Windows-1252.",
                                                     "The file is not valid UTF-8 (the first problem is at line %u, column %u); "
                                                     "%u bytes were read as Windows-1252.",
                                                     state.n_invalid),
                                        line, column, state.n_invalid));
    }

  if (state.n_controls > 0)
    {
      guint line, column;

      /* Only the bytes before the first control need to be valid for
       * locate(); count on the normalised text instead when they are not. */
      if (state.n_invalid == 0 || state.first_invalid > state.first_control)
        locate (data, state.first_control, &line, &column);
      else
        line = 0, column = 0;

      if (line > 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Removed %u control character that cannot be shown (at line %u, column %u).",
                                                       "Removed %u control characters that cannot be shown (the first at line %u, column %u).",
                                                       state.n_controls),
                                          state.n_controls, line, column));
      else
        g_ptr_array_add (warnings,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Removed %u control character that cannot be shown (at byte offset %lu).",
                                                       "Removed %u control characters that cannot be shown (the first at byte offset %lu).",
                                                       state.n_controls),
                                          state.n_controls, (unsigned long) state.first_control));
    }

  *text_len = out->len;
  *text = *owned = g_string_free (out, FALSE);

  return TRUE;
}

static gboolean
decode_utf16_or_32 (const char  *data,
                    gsize        len,
                    char       **converted,
                    gsize       *converted_len,
                    GPtrArray   *warnings,
                    GError     **error)
{
  const char *charset = NULL;
  const char *name = NULL;
  gsize bom = 0;
  gsize bytes_read = 0;
  g_autoptr(GError) local_error = NULL;

  if (len >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    charset = "UTF-32LE", name = "UTF-32", bom = 4;
  else if (len >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    charset = "UTF-32BE", name = "UTF-32", bom = 4;
  else if (len >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    charset = "UTF-16LE", name = "UTF-16", bom = 2;
  else if (len >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    charset = "UTF-16BE", name = "UTF-16", bom = 2;
  else
    return TRUE;

  *converted = g_convert (data + bom, len - bom, "UTF-8", charset,
                          &bytes_read, converted_len, &local_error);
  /* With bytes_read given, g_convert() accepts a partial character at the
   * end; an odd byte count is still not UTF-16. */
  if (*converted == NULL || bytes_read < len - bom)
    {
      g_clear_pointer (converted, g_free);
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING,
                   _("The file starts with a %s byte-order mark but is not valid %s "
                     "at byte offset %lu."),
                   name, name, (unsigned long) (bytes_read + bom));
      return FALSE;
    }

  g_ptr_array_add (warnings, g_strdup_printf (_("The file was converted from %s to UTF-8."), name));

  return TRUE;
}

static gboolean
is_whitespace_only (const char *text,
                    gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return TRUE;
}

static char *
title_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (!g_utf8_validate (base, -1, NULL) || base[0] == '\0')
    return NULL;

  return sp_import_tidy_title (base, -1);
}

SpDocumentContent *
sp_import_bytes (const char      *data,
                 gsize            len,
                 const char      *filename,
                 SpImportFormat   format,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gsize text_len = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (len > SP_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *max = g_format_size (SP_IMPORT_MAX_BYTES);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("The file is %s; Standpoint imports documents of up to %s."), size, max);
      return NULL;
    }

  if (!check_magic (data, len, error))
    return NULL;

  warnings = g_ptr_array_new_with_free_func (g_free);

  {
    gsize utf16_len = 0;

    if (!decode_utf16_or_32 (data, len, &utf16, &utf16_len, warnings, error))
      return NULL;
    if (utf16 != NULL)
      {
        data = utf16;
        len = utf16_len;
      }
  }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (!decode (data, len, &owned, &text, &text_len, warnings, error))
    return NULL;

  /* The UTF-16 copy is no longer needed once the normalised one exists. */
  if (owned != NULL)
    g_clear_pointer (&utf16, g_free);

  if (is_whitespace_only (text, text_len))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                   _("The file contains only white space."));
      return NULL;
    }

  if (format == SP_IMPORT_FORMAT_AUTO)
    format = sp_import_detect_format (text, text_len, filename);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case SP_IMPORT_FORMAT_REPORT:
      content = _sp_import_report (text, text_len, cancellable, error);
      break;

    case SP_IMPORT_FORMAT_TRANSCRIPT:
      content = _sp_import_transcript (text, text_len, cancellable, error);
      break;

    case SP_IMPORT_FORMAT_TEXT:
    case SP_IMPORT_FORMAT_AUTO:
    default:
      content = _sp_import_text (text, text_len, cancellable, error);
      break;
    }

  g_clear_pointer (&owned, g_free);
  g_clear_pointer (&utf16, g_free);

  if (content == NULL)
    return NULL;

  if (content->text->len == 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                   _("The file contains no text once its markup is removed."));
      return NULL;
    }

  if (content->title == NULL && filename != NULL)
    {
      g_autofree char *title = title_from_filename (filename);

      sp_document_content_set_title (content, title);
    }

  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_insert (content->warnings, (int) i, g_strdup (g_ptr_array_index (warnings, i)));

  sp_document_content_sort (content);

  if (!sp_document_content_validate (content, &local_error))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_MALFORMED,
                   _("The document could not be read correctly (%s). This is a bug in "
                     "Standpoint; please report it with the file attached."),
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&content);
}

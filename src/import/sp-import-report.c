/* sp-import-report.c: reports in Markdown, typically converted from a PDF.
 *
 * md4c parses the Markdown; its callbacks gather plain blocks with inline
 * spans (inline HTML such as <sup>, <b>, <u> is handled here, as converters
 * emit it). A second pass over the blocks then undoes what the PDF layout
 * did to the text: "---" marks a page end followed by that page's footnotes
 * ("<sup>12</sup> text"), which move to Notes; a paragraph cut by the page
 * break is joined again; the table of contents gives page numbers that keep
 * the page count right where a page had no footnotes (and so no "---").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <md4c.h>
#include <string.h>

#include "sp-import-private.h"
#include "sp-import-util.h"

/* Marks a soft line break until the block is complete and we know whether
 * its lines matter (table of contents, tab-separated table) or not. Control
 * characters never reach the importers, so it cannot clash with the text. */
#define SOFT_BREAK '\x01'

/* How deep a closing tag looks for its opening tag; bounded so hostile
 * input like "<b><b><b>…</i></i></i>" stays linear. */
#define MAX_SPAN_MATCH 16

typedef struct
{
  gboolean ordered;
  guint    next;
} ListInfo;

typedef enum
{
  OPEN_EMPHASIS,
  OPEN_LINK,
  OPEN_HTML_EMPHASIS,
  OPEN_HTML_LINK,
} OpenKind;

typedef struct
{
  OpenKind  kind;
  int       level;
  gsize     start;
  char     *href;
} OpenSpan;

typedef struct
{
  SpImportBuffer  buffer;
  gboolean        block_open;
  gboolean        item_open;      /* the open block is a list item */
  gsize           item_prefix;    /* bytes of its "• " or "3. " */
  gboolean        code;           /* the open block is code: no link detection */
  GArray         *lists;          /* ListInfo, innermost last */
  int             n_groups;
  guint           table_row;
  guint           table_cell;
  GArray         *open;           /* OpenSpan */
  gssize          sup_start;      /* -1 outside <sup> */
  gboolean        pending_backslash;
  GCancellable   *cancellable;
  guint           n_blocks;
  gboolean        cancelled;
} Parser;

static void
open_span_clear (gpointer data)
{
  OpenSpan *span = data;

  g_clear_pointer (&span->href, g_free);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

static void
begin_block (Parser            *self,
             SpImportBlockKind  kind)
{
  sp_import_buffer_begin_block (&self->buffer, kind);
  self->block_open = TRUE;
  self->item_open = FALSE;
  self->code = FALSE;
  self->sup_start = -1;
  self->pending_backslash = FALSE;
  g_array_set_size (self->open, 0);
}

static void
ensure_block (Parser *self)
{
  if (!self->block_open)
    begin_block (self, SP_IMPORT_BLOCK_PARAGRAPH);
}

static void
flush_backslash (Parser *self)
{
  if (self->pending_backslash)
    g_string_append_c (self->buffer.text, '\\');
  self->pending_backslash = FALSE;
}

/* md4c has already removed one level of backslash escapes. PDF converters
 * escape twice ("ip\\_22"), so a backslash still standing before ASCII
 * punctuation is an artefact, not text. */
static void
append_normal (Parser     *self,
               const char *text,
               gsize       len)
{
  gsize run = 0;

  if (len == 0)
    return;

  if (self->pending_backslash)
    {
      if (!g_ascii_ispunct (text[0]))
        g_string_append_c (self->buffer.text, '\\');
      self->pending_backslash = FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] != '\\')
        continue;
      if (i + 1 == len)
        {
          g_string_append_len (self->buffer.text, text + run, i - run);
          self->pending_backslash = TRUE;
          return;
        }
      if (g_ascii_ispunct (text[i + 1]))
        {
          g_string_append_len (self->buffer.text, text + run, i - run);
          run = i + 1;
          i++;
        }
    }
  g_string_append_len (self->buffer.text, text + run, len - run);
}

static const struct
{
  const char *name;
  gunichar    c;
} entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xA0 }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "shy", 0xAD },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "ldquo", 0x201C },
  { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "laquo", 0xAB }, { "raquo", 0xBB },
  { "lsaquo", 0x2039 }, { "rsaquo", 0x203A }, { "bull", 0x2022 }, { "middot", 0xB7 },
  { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 }, { "euro", 0x20AC },
  { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "sect", 0xA7 }, { "para", 0xB6 },
  { "deg", 0xB0 }, { "plusmn", 0xB1 }, { "times", 0xD7 }, { "divide", 0xF7 },
  { "minus", 0x2212 }, { "prime", 0x2032 }, { "dagger", 0x2020 }, { "Dagger", 0x2021 },
  { "sup1", 0xB9 }, { "sup2", 0xB2 }, { "sup3", 0xB3 }, { "frac12", 0xBD },
  { "frac14", 0xBC }, { "frac34", 0xBE }, { "iexcl", 0xA1 }, { "iquest", 0xBF },
  { "aacute", 0xE1 }, { "agrave", 0xE0 }, { "acirc", 0xE2 }, { "auml", 0xE4 },
  { "atilde", 0xE3 }, { "aring", 0xE5 }, { "aelig", 0xE6 }, { "ccedil", 0xE7 },
  { "eacute", 0xE9 }, { "egrave", 0xE8 }, { "ecirc", 0xEA }, { "euml", 0xEB },
  { "iacute", 0xED }, { "igrave", 0xEC }, { "icirc", 0xEE }, { "iuml", 0xEF },
  { "ntilde", 0xF1 }, { "oacute", 0xF3 }, { "ograve", 0xF2 }, { "ocirc", 0xF4 },
  { "ouml", 0xF6 }, { "otilde", 0xF5 }, { "oslash", 0xF8 }, { "uacute", 0xFA },
  { "ugrave", 0xF9 }, { "ucirc", 0xFB }, { "uuml", 0xFC }, { "yacute", 0xFD },
  { "szlig", 0xDF }, { "Aacute", 0xC1 }, { "Agrave", 0xC0 }, { "Auml", 0xC4 },
  { "Ccedil", 0xC7 }, { "Eacute", 0xC9 }, { "Egrave", 0xC8 }, { "Ntilde", 0xD1 },
  { "Oacute", 0xD3 }, { "Ouml", 0xD6 }, { "Uuml", 0xDC }, { "oelig", 0x153 },
  { "OElig", 0x152 }, { "scaron", 0x161 }, { "Scaron", 0x160 },
};

static void
append_entity (GString    *out,
               const char *text,
               gsize       len)
{
  /* md4c hands over "&name;", "&#123;" or "&#x1F;" verbatim. */
  if (len >= 4 && text[0] == '&' && text[1] == '#' && text[len - 1] == ';')
    {
      gboolean hex = text[2] == 'x' || text[2] == 'X';
      const char *digits = text + (hex ? 3 : 2);
      guint64 value = 0;
      gboolean ok = digits < text + len - 1;

      for (const char *p = digits; p < text + len - 1 && ok; p++)
        {
          int d = hex ? g_ascii_xdigit_value (*p) : g_ascii_digit_value (*p);

          if (d < 0)
            ok = FALSE;
          else if (value <= 0x10FFFF)
            value = value * (hex ? 16 : 10) + d;
        }

      if (ok)
        {
          gunichar c = (gunichar) value;

          /* As HTML does: NUL, surrogates and out-of-range become U+FFFD,
           * as do control characters the text must not contain. */
          if (value == 0 || value > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ||
              (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
            c = 0xFFFD;
          g_string_append_unichar (out, c);
          return;
        }
    }
  else if (len >= 3 && text[0] == '&' && text[len - 1] == ';')
    {
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          if (strlen (entities[i].name) == len - 2 &&
              memcmp (entities[i].name, text + 1, len - 2) == 0)
            {
              g_string_append_unichar (out, entities[i].c);
              return;
            }
        }
    }

  /* An entity we do not know is shown as written, as browsers do. */
  g_string_append_len (out, text, len);
}

static char *
attribute_to_string (const MD_ATTRIBUTE *attribute)
{
  GString *out = g_string_new (NULL);

  if (attribute->text == NULL || attribute->size == 0)
    return g_string_free (out, FALSE);

  for (guint i = 0; attribute->substr_offsets[i] < attribute->size; i++)
    {
      const char *text = attribute->text + attribute->substr_offsets[i];
      gsize len = attribute->substr_offsets[i + 1] - attribute->substr_offsets[i];

      switch (attribute->substr_types[i])
        {
        case MD_TEXT_ENTITY:
          append_entity (out, text, len);
          break;
        case MD_TEXT_NULLCHAR:
          g_string_append (out, "\xef\xbf\xbd");
          break;
        default:
          g_string_append_len (out, text, len);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
looks_like_url (const char *text,
                gsize       len)
{
  return (len >= 7 && g_ascii_strncasecmp (text, "http://", 7) == 0) ||
         (len >= 8 && g_ascii_strncasecmp (text, "https://", 8) == 0) ||
         (len >= 4 && g_ascii_strncasecmp (text, "www.", 4) == 0);
}

static void
push_open (Parser     *self,
           OpenKind    kind,
           int         level,
           const char *href)
{
  OpenSpan span = { kind, level, self->buffer.text->len, g_strdup (href) };

  g_array_append_val (self->open, span);
}

/* Finds the innermost open span of @kind (and @level, if >= 0), looking at
 * most MAX_SPAN_MATCH deep. Returns its index or -1. */
static int
find_open (Parser   *self,
           OpenKind  kind,
           int       level)
{
  for (guint d = 0; d < MIN (self->open->len, MAX_SPAN_MATCH); d++)
    {
      guint i = self->open->len - 1 - d;
      OpenSpan *span = &g_array_index (self->open, OpenSpan, i);

      if (span->kind == kind && (level < 0 || span->level == level))
        return (int) i;
    }

  return -1;
}

static void
close_link (Parser   *self,
            OpenSpan *span)
{
  GString *text = self->buffer.text;
  SpImportBlock *block = sp_import_buffer_last_block (&self->buffer);

  if (span->href == NULL || span->href[0] == '\0' || span->href[0] == '#')
    return;

  /* [https://…/ip\_22\_661](https://…/ip_22_661): the visible text is a URL
   * mangled by the PDF conversion, the target is the real one. */
  if (looks_like_url (text->str + span->start, text->len - span->start) &&
      looks_like_url (span->href, strlen (span->href)) &&
      strcmp (text->str + span->start, span->href) != 0)
    {
      g_string_truncate (text, span->start);
      for (guint k = self->buffer.spans->len; k > block->span_first; k--)
        if (g_array_index (self->buffer.spans, SpImportSpan, k - 1).start >= span->start)
          g_array_remove_index (self->buffer.spans, k - 1);
      block->n_spans = self->buffer.spans->len - block->span_first;
      g_string_append (text, span->href);
    }

  if (text->len > span->start)
    sp_import_buffer_add_span (&self->buffer, SP_SEGMENT_LINK, span->start, text->len,
                               0, 0, span->href);
}

static void
close_open (Parser *self,
            int     index)
{
  OpenSpan *span = &g_array_index (self->open, OpenSpan, index);

  switch (span->kind)
    {
    case OPEN_EMPHASIS:
    case OPEN_HTML_EMPHASIS:
      if (self->buffer.text->len > span->start)
        sp_import_buffer_add_span (&self->buffer, SP_SEGMENT_EMPHASIS, span->start,
                                   self->buffer.text->len, span->level, 0, NULL);
      break;

    case OPEN_LINK:
    case OPEN_HTML_LINK:
      close_link (self, span);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Whatever opened inside it and is still open was never closed. */
  g_array_set_size (self->open, index);
}

static char *
tag_href (const char *tag,
          gsize       len)
{
  const char *end = tag + len;

  for (const char *p = tag; p + 5 < end; p++)
    {
      if (g_ascii_strncasecmp (p, "href=", 5) == 0)
        {
          const char *value = p + 5;
          const char *value_end;
          char quote = 0;

          if (value < end && (*value == '"' || *value == '\''))
            quote = *value++;
          value_end = value;
          while (value_end < end && *value_end != '>' &&
                 (quote != 0 ? *value_end != quote : !g_ascii_isspace (*value_end)))
            value_end++;
          return g_strndup (value, value_end - value);
        }
    }

  return NULL;
}

static void
handle_html (Parser     *self,
             const char *text,
             gsize       len)
{
  SpImportTag tag;
  gboolean closing;
  int index;

  if (sp_import_parse_tag (text, text + len, &tag, &closing) == 0)
    return;

  switch (tag)
    {
    case SP_IMPORT_TAG_ITALIC:
    case SP_IMPORT_TAG_BOLD:
    case SP_IMPORT_TAG_UNDERLINE:
      {
        int level = tag == SP_IMPORT_TAG_ITALIC ? 1 : tag == SP_IMPORT_TAG_BOLD ? 2 : 3;

        if (!closing)
          push_open (self, OPEN_HTML_EMPHASIS, level, NULL);
        else if ((index = find_open (self, OPEN_HTML_EMPHASIS, level)) >= 0)
          close_open (self, index);
      }
      break;

    case SP_IMPORT_TAG_LINK:
      if (!closing)
        {
          g_autofree char *href = tag_href (text, len);

          push_open (self, OPEN_HTML_LINK, 0, href);
        }
      else if ((index = find_open (self, OPEN_HTML_LINK, -1)) >= 0)
        close_open (self, index);
      break;

    case SP_IMPORT_TAG_SUP:
      if (!closing && self->sup_start < 0)
        self->sup_start = self->buffer.text->len;
      else if (closing && self->sup_start >= 0)
        {
          sp_import_buffer_convert_sup (&self->buffer, self->sup_start);
          self->sup_start = -1;
        }
      break;

    case SP_IMPORT_TAG_BREAK:
      g_string_append_c (self->buffer.text, '\n');
      break;

    case SP_IMPORT_TAG_OTHER:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                    */

/* "TITLE ..... 12" or "TITLE\t12": the line's title ends at *title_end and
 * its page number is returned (-1 if the line is not a TOC entry). */
static int
parse_toc_line (const char  *line,
                gsize        len,
                gsize       *title_end,
                gboolean    *has_leader)
{
  gsize end = len;
  gsize digits_start;
  int page = 0;
  gsize t;
  gboolean separated = FALSE;

  *has_leader = FALSE;
  while (end > 0 && g_ascii_isspace (line[end - 1]))
    end--;
  digits_start = end;
  while (digits_start > 0 && g_ascii_isdigit (line[digits_start - 1]) && end - digits_start < 6)
    digits_start--;
  if (digits_start == end || (digits_start > 0 && g_ascii_isdigit (line[digits_start - 1])))
    return -1;
  for (gsize i = digits_start; i < end; i++)
    page = page * 10 + (line[i] - '0');

  t = digits_start;
  for (;;)
    {
      if (t > 0 && (line[t - 1] == ' ' || line[t - 1] == '\t'))
        {
          separated = TRUE;
          t--;
        }
      else if (t > 0 && line[t - 1] == '.')
        {
          gsize dots = 0;

          while (t > 0 && line[t - 1] == '.')
            t--, dots++;
          if (dots >= 2)
            *has_leader = TRUE, separated = TRUE;
        }
      else if (t >= 3 && (memcmp (line + t - 3, "\xe2\x80\xa6", 3) == 0 ||   /* … */
                          memcmp (line + t - 3, "\xe2\x80\xa4", 3) == 0))    /* ․ */
        {
          t -= 3;
          *has_leader = TRUE, separated = TRUE;
        }
      else if (t >= 2 && memcmp (line + t - 2, "\xc2\xb7", 2) == 0)          /* · */
        {
          t -= 2;
          *has_leader = TRUE, separated = TRUE;
        }
      else
        break;
    }

  if (!separated || t == 0)
    return -1;

  *title_end = t;
  return page;
}

static gboolean
is_contents_heading (const char *text,
                     gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (text, len);

  return g_str_equal (lower, "contents") || g_str_equal (lower, "table of contents");
}

/* What a paragraph whose soft line breaks are still marked really is: a
 * table of contents, a tab-separated table (one row per line), or running
 * text whose line breaks are only wrapping. */
static SpImportBlockKind
classify_lines (const char *text,
                gsize       len,
                gboolean    after_contents_heading)
{
  guint n_lines = 0;
  guint n_toc = 0;
  guint n_leader = 0;
  guint n_tab = 0;
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && text[i] != SOFT_BREAK && text[i] != '\n')
        continue;

      if (i > start)
        {
          gsize title_end;
          gboolean leader;

          n_lines++;
          if (parse_toc_line (text + start, i - start, &title_end, &leader) >= 0)
            {
              n_toc++;
              if (leader)
                n_leader++;
            }
          if (memchr (text + start, '\t', i - start) != NULL)
            n_tab++;
        }
      start = i + 1;
    }

  if (n_toc > 0 && after_contents_heading && n_toc * 2 >= n_lines)
    return SP_IMPORT_BLOCK_TOC;
  if (n_lines >= 2 && n_toc * 5 >= n_lines * 3 && n_leader * 2 >= n_lines)
    return SP_IMPORT_BLOCK_TOC;
  if (n_lines >= 2 && n_tab == n_lines)
    return SP_IMPORT_BLOCK_TABLE;

  return SP_IMPORT_BLOCK_PARAGRAPH;
}

static gboolean
previous_is_contents_heading (Parser *self)
{
  SpImportBlock *previous;

  if (self->buffer.blocks->len < 2)
    return FALSE;
  previous = &g_array_index (self->buffer.blocks, SpImportBlock, self->buffer.blocks->len - 2);

  return previous->kind == SP_IMPORT_BLOCK_HEADING &&
         is_contents_heading (self->buffer.text->str + previous->start, previous->len);
}

static void
finish_block (Parser *self)
{
  SpImportBlock *block;
  char *str;
  gboolean has_break;
  gsize min_len = 1;

  if (!self->block_open)
    return;
  if (self->item_open)
    min_len = self->item_prefix;
  self->block_open = FALSE;
  self->item_open = FALSE;

  if (self->sup_start >= 0)
    sp_import_buffer_convert_sup (&self->buffer, self->sup_start);
  self->sup_start = -1;
  flush_backslash (self);
  /* Tags opened and never closed (<b> without </b>) mark nothing. */
  g_array_set_size (self->open, 0);

  sp_import_buffer_end_block (&self->buffer);
  block = sp_import_buffer_last_block (&self->buffer);
  str = self->buffer.text->str + block->start;

  has_break = memchr (str, SOFT_BREAK, block->len) != NULL;
  if (block->kind == SP_IMPORT_BLOCK_PARAGRAPH && !self->code &&
      (has_break || memchr (str, '\t', block->len) != NULL))
    block->kind = classify_lines (str, block->len, previous_is_contents_heading (self));

  if (has_break)
    {
      char replacement = (block->kind == SP_IMPORT_BLOCK_TOC ||
                          block->kind == SP_IMPORT_BLOCK_TABLE) ? '\n' : ' ';

      for (gsize i = 0; i < block->len; i++)
        if (str[i] == SOFT_BREAK)
          str[i] = replacement;
    }

  sp_import_block_tidy_lines (&self->buffer, block);
  sp_import_block_trim (&self->buffer, block);

  /* An item with nothing after its bullet is no item. */
  if (block->len < min_len)
    {
      sp_import_buffer_drop_last_block (&self->buffer);
      return;
    }

  sp_import_block_find_refs (&self->buffer, block);
  if (!self->code)
    sp_import_block_link_urls (&self->buffer, block);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Parser *self = user_data;

  if (++self->n_blocks % 256 == 0 && g_cancellable_is_cancelled (self->cancellable))
    {
      self->cancelled = TRUE;
      return 1;
    }

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        ListInfo info = { type == MD_BLOCK_OL, 1 };

        if (type == MD_BLOCK_OL)
          info.next = ((MD_BLOCK_OL_DETAIL *) detail)->start;
        /* The text of an item ends where its nested list starts. */
        finish_block (self);
        if (self->lists->len == 0)
          self->n_groups++;
        g_array_append_val (self->lists, info);
      }
      break;

    case MD_BLOCK_LI:
      {
        ListInfo *info = self->lists->len > 0 ? &g_array_index (self->lists, ListInfo, self->lists->len - 1) : NULL;
        SpImportBlock *block;

        finish_block (self);
        begin_block (self, SP_IMPORT_BLOCK_LIST_ITEM);
        block = sp_import_buffer_last_block (&self->buffer);
        block->group = self->n_groups;
        block->level = MAX (1, (int) self->lists->len);
        if (info != NULL && info->ordered)
          g_string_append_printf (self->buffer.text, "%u. ", info->next++);
        else
          g_string_append (self->buffer.text, "• ");
        self->item_open = TRUE;
        self->item_prefix = self->buffer.text->len - block->start;
      }
      break;

    case MD_BLOCK_HR:
      finish_block (self);
      begin_block (self, SP_IMPORT_BLOCK_RULE);
      sp_import_buffer_end_block (&self->buffer);
      self->block_open = FALSE;
      break;

    case MD_BLOCK_H:
      finish_block (self);
      begin_block (self, SP_IMPORT_BLOCK_HEADING);
      sp_import_buffer_last_block (&self->buffer)->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      break;

    case MD_BLOCK_CODE:
      finish_block (self);
      begin_block (self, SP_IMPORT_BLOCK_PARAGRAPH);
      sp_import_buffer_last_block (&self->buffer)->flags |= SP_IMPORT_BLOCK_FLAG_NO_JOIN;
      self->code = TRUE;
      break;

    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      if (self->item_open)
        {
          SpImportBlock *block = sp_import_buffer_last_block (&self->buffer);

          /* A second paragraph of a loose list item stays in the item. */
          if (self->buffer.text->len > block->start + self->item_prefix)
            g_string_append_c (self->buffer.text, '\n');
        }
      else
        {
          finish_block (self);
          begin_block (self, SP_IMPORT_BLOCK_PARAGRAPH);
        }
      break;

    case MD_BLOCK_TABLE:
      finish_block (self);
      begin_block (self, SP_IMPORT_BLOCK_TABLE);
      self->table_row = 0;
      break;

    case MD_BLOCK_TR:
      ensure_block (self);
      if (self->table_row++ > 0)
        g_string_append_c (self->buffer.text, '\n');
      self->table_cell = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      ensure_block (self);
      if (self->table_cell++ > 0)
        g_string_append_c (self->buffer.text, '\t');
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Parser *self = user_data;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      finish_block (self);
      if (self->lists->len > 0)
        g_array_set_size (self->lists, self->lists->len - 1);
      break;

    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      if (!self->item_open)
        finish_block (self);
      break;

    case MD_BLOCK_LI:
    case MD_BLOCK_H:
    case MD_BLOCK_CODE:
    case MD_BLOCK_TABLE:
      finish_block (self);
      break;

    default:
      break;
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Parser *self = user_data;

  ensure_block (self);
  flush_backslash (self);

  switch (type)
    {
    case MD_SPAN_EM:
      push_open (self, OPEN_EMPHASIS, 1, NULL);
      break;
    case MD_SPAN_STRONG:
      push_open (self, OPEN_EMPHASIS, 2, NULL);
      break;
    case MD_SPAN_U:
      push_open (self, OPEN_EMPHASIS, 3, NULL);
      break;
    case MD_SPAN_A:
      {
        g_autofree char *href = attribute_to_string (&((MD_SPAN_A_DETAIL *) detail)->href);

        push_open (self, OPEN_LINK, 0, href);
      }
      break;
    default:
      break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Parser *self = user_data;
  int index = -1;

  if (!self->block_open)
    return 0;
  flush_backslash (self);

  switch (type)
    {
    case MD_SPAN_EM:
      index = find_open (self, OPEN_EMPHASIS, 1);
      break;
    case MD_SPAN_STRONG:
      index = find_open (self, OPEN_EMPHASIS, 2);
      break;
    case MD_SPAN_U:
      index = find_open (self, OPEN_EMPHASIS, 3);
      break;
    case MD_SPAN_A:
      index = find_open (self, OPEN_LINK, -1);
      break;
    default:
      break;
    }

  if (index >= 0)
    close_open (self, index);

  return 0;
}

static int
text_cb (MD_TEXTTYPE     type,
         const MD_CHAR  *text,
         MD_SIZE         size,
         void           *user_data)
{
  Parser *self = user_data;

  ensure_block (self);

  switch (type)
    {
    case MD_TEXT_NORMAL:
      append_normal (self, text, size);
      break;

    case MD_TEXT_NULLCHAR:
      flush_backslash (self);
      g_string_append (self->buffer.text, "\xef\xbf\xbd");
      break;

    case MD_TEXT_BR:
      flush_backslash (self);
      g_string_append_c (self->buffer.text, '\n');
      break;

    case MD_TEXT_SOFTBR:
      flush_backslash (self);
      g_string_append_c (self->buffer.text, self->code ? '\n' : SOFT_BREAK);
      break;

    case MD_TEXT_ENTITY:
      flush_backslash (self);
      append_entity (self->buffer.text, text, size);
      break;

    case MD_TEXT_HTML:
      flush_backslash (self);
      handle_html (self, text, size);
      break;

    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      flush_backslash (self);
      g_string_append_len (self->buffer.text, text, size);
      break;
    }

  return 0;
}

/* ------------------------------------------------------------------------ */
/* From blocks to the document                                               */

/* Headings and TOC entries compare on letters and digits only, so
 * "CET: A TERM … CONTROL?" matches "CET: A term … control?³⁴". */
static char *
heading_key (const char *text,
             gsize       len)
{
  GString *key = g_string_new (NULL);
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && sp_import_superscript_digit (c) < 0)
        g_string_append_unichar (key, g_unichar_tolower (c));
      p = g_utf8_next_char (p);
    }

  return g_string_free (key, FALSE);
}

static gboolean
range_is_bold (SpImportBuffer *buffer,
               SpImportBlock  *block,
               gsize           start,
               gsize           end)
{
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (buffer, block->span_first + i);

      if (span->kind == SP_SEGMENT_EMPHASIS && span->level == 2 &&
          span->start < end && span->end > start)
        return TRUE;
    }

  return FALSE;
}

static void
emit_toc (SpImportWriter *writer,
          SpImportBuffer *buffer,
          SpImportBlock  *block,
          GHashTable     *toc_pages)
{
  const char *text = buffer->text->str + block->start;
  g_autoptr(GString) line_text = g_string_new (NULL);
  guint toc_start = sp_import_writer_begin_block (writer);
  gboolean first = TRUE;
  gsize start = 0;
  SpDocumentContent *content = sp_import_writer_get_content (writer);

  for (gsize i = 0; i <= block->len; i++)
    {
      gsize title_end = 0;
      gboolean leader;
      gsize title_start;
      int page;
      guint entry_start;
      int index;
      SpSegment *segment;

      if (i < block->len && text[i] != '\n')
        continue;
      if (i == start)
        {
          start = i + 1;
          continue;
        }

      page = parse_toc_line (text + start, i - start, &title_end, &leader);
      if (page < 0)
        title_end = i - start;
      title_start = 0;
      while (title_start < title_end && g_ascii_isspace (text[start + title_start]))
        title_start++;
      while (title_end > title_start && g_ascii_isspace (text[start + title_end - 1]))
        title_end--;

      g_string_truncate (line_text, 0);
      g_string_append_len (line_text, text + start + title_start, title_end - title_start);
      if (page >= 0)
        g_string_append_printf (line_text, "\t%d", page);

      if (!first)
        sp_import_writer_append (writer, "\n", 1);
      first = FALSE;
      entry_start = sp_import_writer_append (writer, line_text->str, line_text->len);

      index = sp_document_content_add_segment (content, SP_SEGMENT_TOC_ENTRY, entry_start, content->n_chars);
      segment = sp_document_content_get_segment (content, index);
      segment->level = range_is_bold (buffer, block, block->start + start,
                                      block->start + start + MAX (title_end, 1)) ? 1 : 2;
      segment->number = MAX (page, 0);

      if (page > 0)
        {
          char *key = heading_key (text + start + title_start, title_end - title_start);

          if (key[0] != '\0' && !g_hash_table_contains (toc_pages, key))
            g_hash_table_insert (toc_pages, key, GINT_TO_POINTER (page));
          else
            g_free (key);
        }

      start = i + 1;
    }

  sp_document_content_add_segment (content, SP_SEGMENT_TOC, toc_start, content->n_chars);
  sp_import_writer_end_block (writer, toc_start);
}

/* "¹² text" at the start of a paragraph: footnote 12. Returns the bytes to
 * skip to its text, 0 if the paragraph is not a footnote. */
static gsize
footnote_marker (SpImportBuffer *buffer,
                 SpImportBlock  *block,
                 int            *number)
{
  const char *text = buffer->text->str + block->start;
  gsize n = sp_import_parse_superscript (text, text + block->len, number);

  if (n == 0 || *number <= 0)
    return 0;
  if (n < block->len && text[n] != ' ' && text[n] != '\t' && text[n] != '\n')
    return 0;
  while (n < block->len && g_ascii_isspace (text[n]))
    n++;

  return n;
}

static gboolean
next_is_footnote (SpImportBuffer *buffer,
                  guint           index)
{
  SpImportBlock *next;
  int number;

  if (index + 1 >= buffer->blocks->len)
    return FALSE;
  next = &g_array_index (buffer->blocks, SpImportBlock, index + 1);

  return next->kind == SP_IMPORT_BLOCK_PARAGRAPH && footnote_marker (buffer, next, &number) > 0;
}

static gboolean
starts_lowercase (SpImportBuffer *buffer,
                  SpImportBlock  *block)
{
  gunichar c = g_utf8_get_char_validated (buffer->text->str + block->start, block->len);

  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_islower (c);
}

static gboolean
emit_blocks (SpImportWriter  *writer,
             SpImportBuffer  *buffer,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GHashTable) toc_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SpDocumentContent *content = sp_import_writer_get_content (writer);
  gboolean in_notes = FALSE;     /* after a "---", where a page's footnotes are */
  gboolean notes_started = FALSE;
  int page = 1;

  sp_import_writer_set_page (writer, page);

  for (guint i = 0; i < buffer->blocks->len; i++)
    {
      SpImportBlock *block = &g_array_index (buffer->blocks, SpImportBlock, i);
      const char *text = buffer->text->str + block->start;
      int number;
      gsize skip;

      if (i % SP_IMPORT_CANCEL_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      switch (block->kind)
        {
        case SP_IMPORT_BLOCK_RULE:
          /* A page ends; what follows starts with its footnotes. */
          if (page < G_MAXINT)
            sp_import_writer_set_page (writer, ++page);
          in_notes = TRUE;
          notes_started = FALSE;
          break;

        case SP_IMPORT_BLOCK_HEADING:
          {
            g_autofree char *key = heading_key (text, block->len);
            gpointer value;

            in_notes = FALSE;
            /* Pages without footnotes have no "---"; the table of contents
             * puts the count right again. */
            if (g_hash_table_lookup_extended (toc_pages, key, NULL, &value))
              {
                page = GPOINTER_TO_INT (value);
                sp_import_writer_set_page (writer, page);
              }

            sp_import_writer_heading (writer, buffer, block, block->level);
            if (content->title == NULL && block->level == 1)
              {
                g_autofree char *title = sp_import_tidy_title (text, block->len);

                sp_document_content_set_title (content, title);
              }
          }
          break;

        case SP_IMPORT_BLOCK_TOC:
          in_notes = FALSE;
          emit_toc (writer, buffer, block, toc_pages);
          break;

        case SP_IMPORT_BLOCK_TABLE:
          in_notes = FALSE;
          sp_import_writer_table (writer, buffer, block);
          break;

        case SP_IMPORT_BLOCK_LIST_ITEM:
          in_notes = FALSE;
          sp_import_writer_list_item (writer, buffer, block);
          break;

        case SP_IMPORT_BLOCK_PARAGRAPH:
          skip = footnote_marker (buffer, block, &number);
          if (skip > 0)
            {
              SpImportBlock note = *block;

              sp_import_block_skip (buffer, &note, skip);
              sp_import_writer_footnote (writer, number, buffer, &note);
              in_notes = TRUE;
              notes_started = TRUE;
              break;
            }

          /* Among footnotes, a paragraph without a number either continues
           * a footnote (a URL, a second reference) or is body text again
           * (the rest of the page's last paragraph, a new paragraph). */
          if (in_notes && (!starts_lowercase (buffer, block) || looks_like_url (text, block->len)))
            {
              gboolean reference = sp_import_looks_like_reference (text, block->len);

              if (!notes_started)
                {
                  /* Before this page's first footnote: the end of the
                   * previous page's last one. */
                  if (sp_import_writer_has_footnotes (writer) &&
                      (reference || next_is_footnote (buffer, i)) &&
                      sp_import_writer_footnote_continue (writer, buffer, block))
                    break;
                }
              else if (reference && sp_import_writer_footnote_continue (writer, buffer, block))
                break;
            }

          in_notes = FALSE;
          sp_import_writer_paragraph (writer, buffer, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

SpDocumentContent *
_sp_import_report (const char    *text,
                   gsize          len,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SpImportWriter *writer = NULL;
  SpDocumentContent *content = NULL;
  Parser parser = { 0 };
  MD_PARSER md = { 0 };
  int result;

  if (len > G_MAXUINT)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("The Markdown text is too large to parse."));
      return NULL;
    }

  sp_import_buffer_init (&parser.buffer);
  parser.lists = g_array_new (FALSE, FALSE, sizeof (ListInfo));
  parser.open = g_array_new (FALSE, FALSE, sizeof (OpenSpan));
  g_array_set_clear_func (parser.open, open_span_clear);
  parser.sup_start = -1;
  parser.cancellable = cancellable;

  md.flags = MD_FLAG_NOHTMLBLOCKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  md.enter_block = enter_block_cb;
  md.leave_block = leave_block_cb;
  md.enter_span = enter_span_cb;
  md.leave_span = leave_span_cb;
  md.text = text_cb;

  result = md_parse (text, (MD_SIZE) len, &md, &parser);
  finish_block (&parser);

  if (parser.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      goto out;
    }
  if (result != 0)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_MALFORMED,
                   _("The Markdown parser failed (error %d)."), result);
      goto out;
    }

  writer = sp_import_writer_new (SP_DOCUMENT_KIND_REPORT);
  if (emit_blocks (writer, &parser.buffer, cancellable, error))
    content = sp_import_writer_finish (writer);

out:
  sp_import_writer_free (writer);
  sp_import_buffer_clear (&parser.buffer);
  g_array_unref (parser.lists);
  g_array_unref (parser.open);

  return content;
}

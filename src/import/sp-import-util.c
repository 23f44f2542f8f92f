/* sp-import-util.c: block buffer, inline markup, URL and footnote helpers,
 * speaker patterns and the writer shared by the importers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-import-util.h"

/* ------------------------------------------------------------------------ */
/* Buffer                                                                    */

static void
span_clear (gpointer data)
{
  SpImportSpan *span = data;

  g_clear_pointer (&span->href, g_free);
}

void
sp_import_buffer_init (SpImportBuffer *self)
{
  self->text = g_string_new (NULL);
  self->spans = g_array_new (FALSE, TRUE, sizeof (SpImportSpan));
  g_array_set_clear_func (self->spans, span_clear);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (SpImportBlock));
}

void
sp_import_buffer_clear (SpImportBuffer *self)
{
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  self->text = NULL;
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
}

void
sp_import_buffer_reset (SpImportBuffer *self)
{
  g_string_truncate (self->text, 0);
  g_array_set_size (self->spans, 0);
  g_array_set_size (self->blocks, 0);
}

SpImportBlock *
sp_import_buffer_begin_block (SpImportBuffer    *self,
                              SpImportBlockKind  kind)
{
  SpImportBlock block = { 0 };

  block.kind = kind;
  block.start = self->text->len;
  block.span_first = self->spans->len;
  block.group = -1;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, SpImportBlock, self->blocks->len - 1);
}

SpImportBlock *
sp_import_buffer_last_block (SpImportBuffer *self)
{
  if (self->blocks->len == 0)
    return NULL;
  return &g_array_index (self->blocks, SpImportBlock, self->blocks->len - 1);
}

void
sp_import_buffer_end_block (SpImportBuffer *self)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);

  g_assert (block != NULL);
  block->len = self->text->len - block->start;
  block->n_spans = self->spans->len - block->span_first;
}

void
sp_import_buffer_drop_last_block (SpImportBuffer *self)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);

  if (block == NULL)
    return;
  g_string_truncate (self->text, block->start);
  g_array_set_size (self->spans, block->span_first);
  g_array_set_size (self->blocks, self->blocks->len - 1);
}

guint
sp_import_buffer_add_span (SpImportBuffer *self,
                           SpSegmentKind   kind,
                           gsize           start,
                           gsize           end,
                           int             level,
                           int             number,
                           const char     *href)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);
  SpImportSpan span = { 0 };

  g_assert (block != NULL);

  span.kind = kind;
  span.start = start;
  span.end = end;
  span.level = level;
  span.number = number;
  span.href = g_strdup (href);
  g_array_append_val (self->spans, span);
  block->n_spans = self->spans->len - block->span_first;

  return self->spans->len - 1;
}

SpImportSpan *
sp_import_buffer_get_span (SpImportBuffer *self,
                           guint           index)
{
  g_assert (index < self->spans->len);
  return &g_array_index (self->spans, SpImportSpan, index);
}

static void
block_clamp_spans (SpImportBuffer *self,
                   SpImportBlock  *block)
{
  gsize end = block->start + block->len;

  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

      span->start = CLAMP (span->start, block->start, end);
      span->end = CLAMP (span->end, span->start, end);
    }
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void
sp_import_block_trim (SpImportBuffer *self,
                      SpImportBlock  *block)
{
  const char *str = self->text->str;
  gsize start = block->start;
  gsize end = block->start + block->len;

  while (start < end && is_ascii_space (str[start]))
    start++;
  while (end > start && is_ascii_space (str[end - 1]))
    end--;

  block->start = start;
  block->len = end - start;
  block_clamp_spans (self, block);
}

void
sp_import_block_skip (SpImportBuffer *self,
                      SpImportBlock  *block,
                      gsize           n_bytes)
{
  n_bytes = MIN (n_bytes, block->len);
  block->start += n_bytes;
  block->len -= n_bytes;
  block_clamp_spans (self, block);
}

typedef struct
{
  gsize  offset;
  gsize *point;
} SpanPoint;

static int
span_point_compare (const void *a,
                    const void *b)
{
  const SpanPoint *pa = a;
  const SpanPoint *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return 0;
}

/* Removes blank lines and trailing spaces inside a block, which <br>, an
 * emptied line or a stray space would leave: a blank line inside a block
 * would read as a block boundary. Spans move with their text. */
void
sp_import_block_tidy_lines (SpImportBuffer *self,
                            SpImportBlock  *block)
{
  char *str = self->text->str;
  gsize end = block->start + block->len;
  g_autoptr(GArray) removed = NULL;   /* Range, in old offsets */
  gsize r = block->start;
  gsize w = block->start;
  gsize total = 0;
  gsize last_newline = 0;     /* old offset of the last '\n' kept */

  /* Done in place, so only for the last block: later text would move. */
  g_assert (end == self->text->len);

  if (memchr (str + block->start, '\n', block->len) == NULL)
    return;

  removed = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  while (r < end)
    {
      const char *nl = memchr (str + r, '\n', end - r);
      gsize line_end = nl != NULL ? (gsize) (nl - str) : end;
      gsize next = nl != NULL ? line_end + 1 : line_end;
      gsize content_end = line_end;
      gboolean blank = TRUE;

      for (gsize i = r; i < line_end; i++)
        if (!is_ascii_space (str[i]))
          {
            blank = FALSE;
            break;
          }

      if (blank)
        {
          gsize range[2] = { r, next };

          g_array_append_val (removed, range);
          total += next - r;
          r = next;
          continue;
        }

      while (content_end > r && str[content_end - 1] == ' ')
        content_end--;
      memmove (str + w, str + r, content_end - r);
      w += content_end - r;
      if (content_end < line_end)
        {
          gsize range[2] = { content_end, line_end };

          g_array_append_val (removed, range);
          total += line_end - content_end;
        }
      if (nl != NULL)
        {
          str[w++] = '\n';
          last_newline = line_end;
        }
      r = next;
    }

  /* A newline kept before lines that were all dropped ends the block. */
  if (w > block->start && str[w - 1] == '\n')
    {
      gsize range[2] = { last_newline, last_newline + 1 };
      guint at = removed->len;

      while (at > 0 && g_array_index (removed, gsize, 2 * (at - 1)) > last_newline)
        at--;
      g_array_insert_val (removed, at, range);
      total++;
      w--;
    }

  if (total == 0)
    return;

  /* Shift every span boundary by what was removed before it: one sorted
   * walk, so a long line with many spans and removals stays linear. */
  {
    g_autofree SpanPoint *points = g_new (SpanPoint, 2 * block->n_spans + 1);
    guint n = 0;
    guint k = 0;
    gsize shift = 0;

    for (guint i = 0; i < block->n_spans; i++)
      {
        SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

        points[n].offset = span->start;
        points[n++].point = &span->start;
        points[n].offset = span->end;
        points[n++].point = &span->end;
      }
    qsort (points, n, sizeof (SpanPoint), span_point_compare);

    for (guint i = 0; i < n; i++)
      {
        gsize old = points[i].offset;
        gsize partial = 0;

        while (k < removed->len && g_array_index (removed, gsize, 2 * k + 1) <= old)
          {
            shift += g_array_index (removed, gsize, 2 * k + 1) - g_array_index (removed, gsize, 2 * k);
            k++;
          }
        if (k < removed->len && g_array_index (removed, gsize, 2 * k) < old)
          partial = old - g_array_index (removed, gsize, 2 * k);
        *points[i].point = old - shift - partial;
      }
  }

  block->len = w - block->start;
  g_string_truncate (self->text, w);
  block_clamp_spans (self, block);
}

SpImportSpan *
sp_import_block_span_at (SpImportBuffer *self,
                         SpImportBlock  *block,
                         SpSegmentKind   kind,
                         gsize           start)
{
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);

      if (span->kind == kind && span->start == start && span->end > span->start)
        return span;
    }

  return NULL;
}

gboolean
sp_import_is_blank (const char *text,
                    gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!is_ascii_space (text[i]))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Superscript digits                                                        */

static const gunichar superscripts[10] = {
  0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
};

int
sp_import_superscript_digit (gunichar c)
{
  switch (c)
    {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default:
      if (c >= 0x2074 && c <= 0x2079)
        return (int) (c - 0x2070);
      return -1;
    }
}

gsize
sp_import_parse_superscript (const char *p,
                             const char *end,
                             int        *number)
{
  const char *start = p;
  gint64 value = 0;
  gboolean overflow = FALSE;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      int digit;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      digit = sp_import_superscript_digit (c);
      if (digit < 0)
        break;
      if (!overflow)
        {
          value = value * 10 + digit;
          if (value > SP_IMPORT_MAX_FOOTNOTE)
            overflow = TRUE;
        }
      p = g_utf8_next_char (p);
    }

  if (number != NULL)
    *number = overflow ? -1 : (int) value;

  return p - start;
}

void
sp_import_append_superscript (GString *string,
                              guint64  number)
{
  char digits[24];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, number);

  for (int i = 0; i < n; i++)
    g_string_append_unichar (string, superscripts[digits[i] - '0']);
}

/* ------------------------------------------------------------------------ */
/* URLs                                                                      */

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Characters that end a URL in running text: the quotes and brackets PDF
 * converters and typographers put around it, and our footnote markers. */
static gboolean
ends_url (gunichar c)
{
  return g_unichar_isspace (c) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00AB || c == 0x00BB || c == 0x3002 || c == 0xFF0C ||
         sp_import_superscript_digit (c) >= 0;
}

gsize
sp_import_url_length (const char *p,
                      const char *end)
{
  const char *q;
  const char *body;
  int open_parens = 0;
  int open_brackets = 0;
  gboolean has_alnum = FALSE;

  if (has_prefix_ci (p, end, "https://"))
    body = p + 8;
  else if (has_prefix_ci (p, end, "http://"))
    body = p + 7;
  else
    return 0;

  q = body;
  while (q < end)
    {
      guchar c = (guchar) *q;

      if (c < 0x80)
        {
          if (c <= ' ' || strchr ("<>\"`{}|\\^", c) != NULL)
            break;
          if (g_ascii_isalnum (c))
            has_alnum = TRUE;
          q++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (q, end - q);

          if (u == (gunichar) -1 || u == (gunichar) -2 || ends_url (u))
            break;
          q = g_utf8_next_char (q);
        }
    }

  if (!has_alnum)
    return 0;

  for (const char *r = body; r < q; r++)
    {
      if (*r == '(')
        open_parens++;
      else if (*r == ')')
        open_parens--;
      else if (*r == '[')
        open_brackets++;
      else if (*r == ']')
        open_brackets--;
    }

  /* Sentence punctuation after a URL is not part of it; a closing bracket
   * is, if the URL opened it (Wikipedia style). */
  while (q > body)
    {
      char c = q[-1];

      if (strchr (".,;:!?'*_", c) != NULL)
        q--;
      else if (c == ')' && open_parens < 0)
        {
          open_parens++;
          q--;
        }
      else if (c == ']' && open_brackets < 0)
        {
          open_brackets++;
          q--;
        }
      else
        break;
    }

  if (q == body)
    return 0;

  return q - p;
}

typedef struct
{
  gsize start;
  gsize end;
} Range;

static int
range_compare (gconstpointer a,
               gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return 0;
}

/* The ranges of the block's spans of @kind, sorted, for a merge walk. */
static GArray *
block_ranges (SpImportBuffer *self,
              SpImportBlock  *block,
              SpSegmentKind   kind)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (self, block->span_first + i);
      Range range = { span->start, span->end };

      if (span->kind == kind && span->end > span->start)
        g_array_append_val (ranges, range);
    }
  g_array_sort (ranges, range_compare);

  return ranges;
}

/* Whether [start, end) overlaps one of @ranges; *cursor only moves forward,
 * so a left-to-right scan stays linear. */
static gboolean
overlaps_ranges (GArray *ranges,
                 guint  *cursor,
                 gsize   start,
                 gsize   end)
{
  while (*cursor < ranges->len && g_array_index (ranges, Range, *cursor).end <= start)
    (*cursor)++;

  for (guint i = *cursor; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      if (range->start >= end)
        break;
      if (range->end > start)
        return TRUE;
    }

  return FALSE;
}

void
sp_import_block_link_urls (SpImportBuffer *self,
                           SpImportBlock  *block)
{
  g_autoptr(GArray) links = NULL;
  const char *str = self->text->str;
  gsize end = block->start + block->len;
  guint cursor = 0;

  if (block->len < 8)
    return;

  links = block_ranges (self, block, SP_SEGMENT_LINK);

  for (gsize i = block->start; i + 7 <= end; i++)
    {
      gsize n;

      if (str[i] != 'h' && str[i] != 'H')
        continue;
      /* Only at the start of a word, not inside "xhttp://". */
      if (i > block->start && g_ascii_isalnum (str[i - 1]))
        continue;

      n = sp_import_url_length (str + i, str + end);
      if (n == 0)
        continue;

      if (!overlaps_ranges (links, &cursor, i, i + n))
        {
          g_autofree char *href = g_strndup (str + i, n);

          sp_import_buffer_add_span (self, SP_SEGMENT_LINK, i, i + n, 0, 0, href);
          block->n_spans = self->spans->len - block->span_first;
        }
      i += n - 1;
    }
}

void
sp_import_block_find_refs (SpImportBuffer *self,
                           SpImportBlock  *block)
{
  g_autoptr(GArray) refs = NULL;
  const char *str = self->text->str;
  gsize end = block->start + block->len;
  guint cursor = 0;
  gsize i = block->start;

  refs = block_ranges (self, block, SP_SEGMENT_FOOTNOTE_REF);

  while (i < end)
    {
      guchar c = (guchar) str[i];
      gsize n;
      int number;

      /* Every superscript digit starts with 0xC2 or 0xE2. */
      if (c != 0xC2 && c != 0xE2)
        {
          i++;
          continue;
        }

      n = sp_import_parse_superscript (str + i, str + end, &number);
      if (n == 0)
        {
          i++;
          continue;
        }

      /* Attached to a word ("list¹", "An²", "framework?³⁴"), not standing
       * alone, and not already a reference made from <sup>. */
      if (i > block->start && !is_ascii_space (str[i - 1]) &&
          number > 0 && !overlaps_ranges (refs, &cursor, i, i + n))
        {
          sp_import_buffer_add_span (self, SP_SEGMENT_FOOTNOTE_REF, i, i + n, 0, number, NULL);
          block->n_spans = self->spans->len - block->span_first;
        }
      i += n;
    }
}

gboolean
sp_import_buffer_convert_sup (SpImportBuffer *self,
                              gsize           from)
{
  SpImportBlock *block = sp_import_buffer_last_block (self);
  g_autoptr(GString) converted = NULL;
  const char *str = self->text->str;
  gsize len = self->text->len;
  gboolean has_digit = FALSE;
  gsize i;

  g_assert (block != NULL);

  if (from >= len || len - from > 64)
    return FALSE;

  for (i = from; i < len; i++)
    {
      if (g_ascii_isdigit (str[i]))
        has_digit = TRUE;
      else if (str[i] != ',' && str[i] != ' ')
        return FALSE;
    }
  if (!has_digit)
    return FALSE;

  /* Spans opened inside the superscript (<sup><b>1</b></sup>) would point
   * into text that is about to be rewritten. */
  for (guint k = self->spans->len; k > block->span_first; k--)
    if (g_array_index (self->spans, SpImportSpan, k - 1).start >= from)
      g_array_remove_index (self->spans, k - 1);
  block->n_spans = self->spans->len - block->span_first;

  converted = g_string_new (NULL);
  i = from;
  while (i < len)
    {
      if (g_ascii_isdigit (str[i]))
        {
          gsize out_start = converted->len;
          gint64 value = 0;
          gboolean overflow = FALSE;

          while (i < len && g_ascii_isdigit (str[i]))
            {
              if (!overflow)
                {
                  value = value * 10 + (str[i] - '0');
                  overflow = value > SP_IMPORT_MAX_FOOTNOTE;
                }
              g_string_append_unichar (converted, superscripts[str[i] - '0']);
              i++;
            }
          /* The offsets already point at where the text will be once the
           * buffer is rewritten below. */
          if (!overflow && value > 0)
            sp_import_buffer_add_span (self, SP_SEGMENT_FOOTNOTE_REF,
                                       from + out_start, from + converted->len,
                                       0, (int) value, NULL);
        }
      else
        {
          g_string_append_c (converted, str[i]);
          i++;
        }
    }

  g_string_truncate (self->text, from);
  g_string_append_len (self->text, converted->str, converted->len);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Inline markup of text transcripts                                         */

typedef enum
{
  TOKEN_TEXT,
  TOKEN_TAG,
  TOKEN_STAR,
  TOKEN_AUTOLINK,
} TokenKind;

typedef struct
{
  guint8 kind;
  guint8 tag;        /* SpImportTag, or the length of a star run */
  guint8 closing;    /* tag: </x>; star: can close */
  guint8 opening;    /* star: can open */
  int    partner;    /* the matching token, -1 */
  gsize  start;      /* bytes into the line; autolink: the URL */
  gsize  end;
  gsize  out;        /* openers: where their text starts in the buffer */
} Token;

static int
classify_tag (const char *name,
              gsize       len)
{
  static const struct { const char *name; SpImportTag kind; } tags[] = {
    { "i", SP_IMPORT_TAG_ITALIC }, { "em", SP_IMPORT_TAG_ITALIC }, { "cite", SP_IMPORT_TAG_ITALIC },
    { "b", SP_IMPORT_TAG_BOLD }, { "strong", SP_IMPORT_TAG_BOLD },
    { "u", SP_IMPORT_TAG_UNDERLINE }, { "ins", SP_IMPORT_TAG_UNDERLINE },
    { "sup", SP_IMPORT_TAG_SUP },
    { "br", SP_IMPORT_TAG_BREAK },
    { "sub", SP_IMPORT_TAG_OTHER }, { "span", SP_IMPORT_TAG_OTHER }, { "font", SP_IMPORT_TAG_OTHER },
    { "a", SP_IMPORT_TAG_LINK }, { "small", SP_IMPORT_TAG_OTHER }, { "mark", SP_IMPORT_TAG_OTHER },
    { "s", SP_IMPORT_TAG_OTHER }, { "del", SP_IMPORT_TAG_OTHER }, { "strike", SP_IMPORT_TAG_OTHER },
    { "big", SP_IMPORT_TAG_OTHER }, { "p", SP_IMPORT_TAG_OTHER }, { "div", SP_IMPORT_TAG_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (strlen (tags[i].name) == len && g_ascii_strncasecmp (tags[i].name, name, len) == 0)
      return tags[i].kind;

  return -1;
}

gsize
sp_import_parse_tag (const char  *p,
                     const char  *end,
                     SpImportTag *kind,
                     gboolean    *closing)
{
  const char *q = p + 1;
  const char *name;
  const char *limit = MIN (end, p + 256);
  int tag;

  *closing = FALSE;
  if (q < limit && *q == '/')
    {
      *closing = TRUE;
      q++;
    }
  name = q;
  while (q < limit && g_ascii_isalnum (*q))
    q++;
  if (q == name)
    return 0;
  tag = classify_tag (name, q - name);
  if (tag < 0)
    return 0;
  while (q < limit && *q != '>' && *q != '<' && *q != '\n')
    q++;
  if (q >= limit || *q != '>')
    return 0;

  *kind = (SpImportTag) tag;
  return q + 1 - p;
}

static gboolean
star_neighbour_is_space (const char *line,
                         gsize       len,
                         gssize      pos)
{
  if (pos < 0 || (gsize) pos >= len)
    return TRUE;
  return is_ascii_space (line[pos]);
}

static gboolean
star_neighbour_is_punct (const char *line,
                         gsize       len,
                         gssize      pos)
{
  if (pos < 0 || (gsize) pos >= len)
    return TRUE;
  return g_ascii_ispunct (line[pos]);
}

/* How far down the opener stack a closer looks: bounded so that input like
 * "<b><b><b>…</i></i></i>" stays linear. */
#define MAX_MATCH_DEPTH 16

static void
match_tokens (GArray *tokens)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->kind == TOKEN_TAG && token->tag != SP_IMPORT_TAG_BREAK)
        {
          if (!token->closing)
            {
              g_array_append_val (stack, i);
              continue;
            }
          for (guint d = 0; d < MIN (stack->len, MAX_MATCH_DEPTH); d++)
            {
              guint pos = stack->len - 1 - d;
              Token *opener = &g_array_index (tokens, Token, g_array_index (stack, int, pos));

              if (opener->kind == TOKEN_TAG && opener->tag == token->tag)
                {
                  opener->partner = (int) i;
                  token->partner = g_array_index (stack, int, pos);
                  g_array_set_size (stack, pos);
                  break;
                }
            }
        }
      else if (token->kind == TOKEN_STAR)
        {
          gboolean matched = FALSE;

          if (token->closing)
            {
              for (guint d = 0; d < MIN (stack->len, MAX_MATCH_DEPTH); d++)
                {
                  guint pos = stack->len - 1 - d;
                  Token *opener = &g_array_index (tokens, Token, g_array_index (stack, int, pos));

                  if (opener->kind == TOKEN_STAR && opener->tag == token->tag)
                    {
                      opener->partner = (int) i;
                      token->partner = g_array_index (stack, int, pos);
                      g_array_set_size (stack, pos);
                      matched = TRUE;
                      break;
                    }
                }
            }
          if (!matched && token->opening)
            g_array_append_val (stack, i);
        }
    }
}

static void
add_text_token (GArray *tokens,
                gsize   start,
                gsize   end)
{
  Token token = { TOKEN_TEXT, 0, 0, 0, -1, start, end, 0 };

  if (end <= start)
    return;
  if (tokens->len > 0)
    {
      Token *last = &g_array_index (tokens, Token, tokens->len - 1);

      if (last->kind == TOKEN_TEXT && last->end == start)
        {
          last->end = end;
          return;
        }
    }
  g_array_append_val (tokens, token);
}

void
sp_import_buffer_append_inline (SpImportBuffer      *self,
                                const char          *line,
                                gsize                len,
                                SpImportInlineFlags  flags)
{
  g_autoptr(GArray) tokens = NULL;
  gsize i = 0;
  gsize text_start = 0;

  if (flags == SP_IMPORT_INLINE_NONE ||
      (memchr (line, '<', len) == NULL && memchr (line, '*', len) == NULL))
    {
      g_string_append_len (self->text, line, len);
      return;
    }

  tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  while (i < len)
    {
      char c = line[i];

      if (c == '<' && (flags & SP_IMPORT_INLINE_HTML) != 0)
        {
          SpImportTag kind;
          gboolean closing;
          gsize n = sp_import_parse_tag (line + i, line + len, &kind, &closing);
          gsize url;

          if (n > 0)
            {
              Token token = { TOKEN_TAG, kind, closing, 0, -1, i, i + n, 0 };

              add_text_token (tokens, text_start, i);
              g_array_append_val (tokens, token);
              i += n;
              text_start = i;
              continue;
            }

          url = sp_import_url_length (line + i + 1, line + len);
          if (url > 0 && i + 1 + url < len && line[i + 1 + url] == '>')
            {
              Token token = { TOKEN_AUTOLINK, 0, 0, 0, -1, i + 1, i + 1 + url, 0 };

              add_text_token (tokens, text_start, i);
              g_array_append_val (tokens, token);
              i += url + 2;
              text_start = i;
              continue;
            }
        }
      else if (c == '*' && (flags & SP_IMPORT_INLINE_EMPHASIS) != 0)
        {
          gsize run = 1;

          while (i + run < len && line[i + run] == '*')
            run++;

          if (run <= 2)
            {
              gssize before = (gssize) i - 1;
              gssize after = (gssize) (i + run);
              Token token = { TOKEN_STAR, (guint8) run, 0, 0, -1, i, i + run, 0 };

              token.opening = !star_neighbour_is_space (line, len, after) &&
                              (star_neighbour_is_space (line, len, before) ||
                               star_neighbour_is_punct (line, len, before));
              token.closing = !star_neighbour_is_space (line, len, before) &&
                              (star_neighbour_is_space (line, len, after) ||
                               star_neighbour_is_punct (line, len, after));
              if (token.opening || token.closing)
                {
                  add_text_token (tokens, text_start, i);
                  g_array_append_val (tokens, token);
                  i += run;
                  text_start = i;
                  continue;
                }
            }
          i += run;
          continue;
        }
      i++;
    }
  add_text_token (tokens, text_start, len);

  match_tokens (tokens);

  for (guint k = 0; k < tokens->len; k++)
    {
      Token *token = &g_array_index (tokens, Token, k);

      switch (token->kind)
        {
        case TOKEN_TEXT:
          g_string_append_len (self->text, line + token->start, token->end - token->start);
          break;

        case TOKEN_AUTOLINK:
          {
            g_autofree char *href = g_strndup (line + token->start, token->end - token->start);
            gsize start = self->text->len;

            g_string_append (self->text, href);
            sp_import_buffer_add_span (self, SP_SEGMENT_LINK, start, self->text->len, 0, 0, href);
          }
          break;

        case TOKEN_TAG:
          if (token->tag == SP_IMPORT_TAG_BREAK)
            g_string_append_c (self->text, '\n');
          else if (token->partner >= 0 && !token->closing)
            token->out = self->text->len;
          else if (token->partner >= 0)
            {
              Token *opener = &g_array_index (tokens, Token, token->partner);
              int level = token->tag == SP_IMPORT_TAG_ITALIC ? 1 : token->tag == SP_IMPORT_TAG_BOLD ? 2 : 3;

              if (token->tag == SP_IMPORT_TAG_SUP)
                sp_import_buffer_convert_sup (self, opener->out);
              else if (token->tag != SP_IMPORT_TAG_OTHER && token->tag != SP_IMPORT_TAG_LINK &&
                       self->text->len > opener->out)
                sp_import_buffer_add_span (self, SP_SEGMENT_EMPHASIS, opener->out,
                                           self->text->len, level, 0, NULL);
            }
          break;

        case TOKEN_STAR:
          if (token->partner < 0)
            g_string_append_len (self->text, line + token->start, token->end - token->start);
          else if ((guint) token->partner > k)
            token->out = self->text->len;
          else
            {
              Token *opener = &g_array_index (tokens, Token, token->partner);

              if (self->text->len > opener->out)
                sp_import_buffer_add_span (self, SP_SEGMENT_EMPHASIS, opener->out,
                                           self->text->len, token->tag, 0, NULL);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Footnote continuations and titles                                         */

static gboolean
looks_like_citation (const char *text,
                     gsize       len)
{
  gsize limit = MIN (len, 200);

  if (len == 0 || !g_unichar_isupper (g_utf8_get_char_validated (text, len)))
    return FALSE;

  /* "Name Surname (2021). Title…", the shape of a bibliography entry. */
  for (gsize i = 0; i + 7 <= limit; i++)
    {
      if (text[i] == '(' &&
          (text[i + 1] == '1' || text[i + 1] == '2') &&
          g_ascii_isdigit (text[i + 2]) && g_ascii_isdigit (text[i + 3]) &&
          g_ascii_isdigit (text[i + 4]))
        {
          gsize j = i + 5;

          if (j < len && g_ascii_isalpha (text[j]))
            j++;
          if (j < len && text[j] == ')' && j + 1 < len && (text[j + 1] == '.' || text[j + 1] == ','))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
sp_import_looks_like_reference (const char *text,
                                gsize       len)
{
  if (g_utf8_strlen (text, MIN (len, 2000)) >= 400)
    return FALSE;

  if (has_prefix_ci (text, text + len, "http") ||
      has_prefix_ci (text, text + len, "[http") ||
      has_prefix_ci (text, text + len, "<http"))
    return TRUE;

  for (gsize i = 0; i + 7 < len; i++)
    if ((text[i] == 'h' || text[i] == 'H') && sp_import_url_length (text + i, text + len) > 0)
      return TRUE;

  return looks_like_citation (text, len);
}

char *
sp_import_tidy_title (const char *text,
                      gssize      len)
{
  GString *out;
  gboolean space = FALSE;

  if (len < 0)
    len = strlen (text);

  out = g_string_sized_new (len);
  for (gssize i = 0; i < len; i++)
    {
      char c = text[i];

      if (is_ascii_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (c == '|' && out->len > 0)
        space = TRUE;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
      if (c == '|')
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Speaker lines                                                             */

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) ||
         c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == '.';
}

static gboolean
is_name_particle (const char *p,
                  gsize       len)
{
  static const char * const particles[] = {
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della",
    "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "y", "dos", "das",
  };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (strlen (particles[i]) == len && memcmp (particles[i], p, len) == 0)
      return TRUE;

  return FALSE;
}

static gunichar
get_char (const char *p,
          const char *end)
{
  gunichar c;

  if (p >= end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0;
  return c;
}

/* 1–5 capitalised tokens ("Robin Mansell", "Mr. Jones", "CHAIR SMITH",
 * "Ursula von der Leyen"), at most 60 characters. Returns the end of the
 * name, or NULL. */
static const char *
parse_name (const char *p,
            const char *end)
{
  const char *name_end = NULL;
  const char *start = p;
  int n_tokens = 0;

  for (;;)
    {
      const char *token = p;
      gunichar c = get_char (p, end);

      if (c == 0)
        break;

      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        {
          while (p < end && is_name_char (get_char (p, end)))
            p = g_utf8_next_char (p);
        }
      else if (n_tokens > 0 && g_unichar_islower (c))
        {
          while (p < end && g_unichar_isalpha (get_char (p, end)))
            p = g_utf8_next_char (p);
          if (!is_name_particle (token, p - token) || p >= end || *p != ' ')
            break;
        }
      else
        break;

      n_tokens++;
      if (n_tokens > 5)
        return NULL;
      if (!g_unichar_islower (c))
        name_end = p;

      if (p + 1 < end && *p == ' ')
        {
          gunichar next = get_char (p + 1, end);

          if (g_unichar_isupper (next) || g_unichar_istitle (next) || g_unichar_islower (next))
            {
              p++;
              continue;
            }
        }
      break;
    }

  if (name_end == NULL || g_utf8_strlen (start, name_end - start) > 60)
    return NULL;

  return name_end;
}

static const char *
parse_digits (const char *p,
              const char *end,
              int         min,
              int         max,
              int        *value)
{
  int n = 0;

  *value = 0;
  while (p < end && g_ascii_isdigit (*p) && n < max)
    {
      *value = *value * 10 + (*p - '0');
      p++;
      n++;
    }
  if (n < min || (p < end && g_ascii_isdigit (*p)))
    return NULL;
  return p;
}

/* m:ss, mm:ss, h:mm:ss or hh:mm:ss (an optional .mmm is accepted). */
static const char *
parse_timestamp (const char *p,
                 const char *end,
                 gint64     *ms)
{
  int a, b, c = -1;
  int fraction = 0;

  p = parse_digits (p, end, 1, 2, &a);
  if (p == NULL || p >= end || *p != ':')
    return NULL;
  p = parse_digits (p + 1, end, 2, 2, &b);
  if (p == NULL || b >= 60)
    return NULL;
  if (p < end && *p == ':')
    {
      p = parse_digits (p + 1, end, 2, 2, &c);
      if (p == NULL || c >= 60)
        return NULL;
    }
  if (p + 1 < end && (*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      const char *q = parse_digits (p + 1, end, 1, 3, &fraction);

      if (q == NULL)
        return NULL;
      for (gsize n = q - (p + 1); n < 3; n++)
        fraction *= 10;
      p = q;
    }

  if (c >= 0)
    *ms = ((gint64) a * 3600 + (gint64) b * 60 + c) * 1000 + fraction;
  else
    *ms = ((gint64) a * 60 + b) * 1000 + fraction;

  return p;
}

/* A timestamp, bare or in () or []. */
static const char *
parse_wrapped_timestamp (const char *p,
                         const char *end,
                         gint64     *ms)
{
  char close = 0;

  if (p < end && (*p == '(' || *p == '['))
    {
      close = *p == '(' ? ')' : ']';
      p++;
    }
  p = parse_timestamp (p, end, ms);
  if (p == NULL)
    return NULL;
  if (close != 0)
    {
      if (p >= end || *p != close)
        return NULL;
      p++;
    }
  return p;
}

static const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

gboolean
sp_import_match_speaker_line (const char     *line,
                              gsize           len,
                              SpSpeakerMatch *match)
{
  const char *end = line + len;
  const char *p = line;
  const char *name;
  const char *name_end;
  const char *q;
  gint64 ms = -1;

  if (len == 0 || len >= SP_IMPORT_MAX_SPEAKER_LINE)
    return FALSE;
  while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
    end--;

  /* "[01:02:03] Name" */
  if (*p == '[')
    {
      p = parse_wrapped_timestamp (p, end, &ms);
      if (p == NULL || p >= end || *p != ' ')
        return FALSE;
      p = skip_blanks (p, end);
      name = p;
      name_end = parse_name (p, end);
      if (name_end == NULL)
        return FALSE;
      q = name_end + sp_import_parse_superscript (name_end, end, NULL);
      if (q != end)
        return FALSE;
    }
  else
    {
      name = p;
      name_end = parse_name (p, end);
      if (name_end == NULL)
        return FALSE;
      q = name_end + sp_import_parse_superscript (name_end, end, NULL);
      if (q >= end || (*q != ' ' && *q != '\t'))
        return FALSE;
      q = skip_blanks (q, end);
      q = parse_wrapped_timestamp (q, end, &ms);
      if (q == NULL || q != end)
        return FALSE;
    }

  if (match != NULL)
    {
      match->name_start = name - line;
      match->name_len = name_end - name;
      match->label_len = end - line;
      match->text_start = len;
      match->timestamp_ms = ms;
    }

  return TRUE;
}

/* Words that start "Word: text" lines in ordinary prose, mail headers and
 * notes; never speaker names. */
static gboolean
is_colon_stopword (const char *name,
                   gsize       len)
{
  static const char * const words[] = {
    "note", "notes", "nb", "n.b.", "example", "examples", "e.g.", "i.e.",
    "warning", "caution", "important", "tip", "hint", "source", "sources",
    "summary", "abstract", "keywords", "key words", "title", "subtitle",
    "date", "time", "place", "location", "venue", "subject", "from", "to",
    "cc", "bcc", "re", "fw", "fwd", "figure", "fig.", "table", "step",
    "chapter", "section", "part", "update", "edit", "disclaimer",
    "definition", "background", "objective", "objectives", "result",
    "results", "conclusion", "conclusions", "method", "methods", "author",
    "authors", "status", "version", "reference", "references", "tags",
    "see", "see also", "also", "however", "therefore", "thus", "first",
    "second", "third", "finally", "question", "questions", "answer",
    "answers", "agenda", "attendees", "present", "apologies", "action",
    "actions", "decision", "decisions", "topic", "issue", "issues",
    "recommendation", "recommendations", "introduction", "contents",
    "url", "link", "email", "e-mail", "tel", "phone", "fax", "address",
    "website", "web", "isbn", "doi", "pp", "vol", "no", "yes", "ps", "p.s.",
    "transcript", "translation", "copyright", "license", "licence",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (words[i], name, len) == 0)
      return TRUE;

  return FALSE;
}

gboolean
sp_import_match_colon_line (const char     *line,
                            gsize           len,
                            SpSpeakerMatch *match)
{
  const char *end = line + MIN (len, (gsize) SP_IMPORT_MAX_SPEAKER_LINE);
  const char *p = line;
  const char *name;
  const char *name_end;
  const char *colon;
  const char *first_space;
  gint64 ms = -1;

  if (len == 0)
    return FALSE;

  /* "[01:02:03] Name: text" */
  if (*p == '[')
    {
      p = parse_wrapped_timestamp (p, end, &ms);
      if (p == NULL || p >= end || *p != ' ')
        return FALSE;
      p = skip_blanks (p, end);
    }

  name = p;
  name_end = parse_name (p, end);
  if (name_end == NULL)
    return FALSE;
  p = name_end + sp_import_parse_superscript (name_end, end, NULL);

  /* "Name (01:02:03): text" */
  if (ms < 0 && p + 1 < end && *p == ' ' && (p[1] == '(' || p[1] == '['))
    {
      const char *q = parse_wrapped_timestamp (p + 1, end, &ms);

      if (q != NULL)
        p = q;
    }

  if (p >= end || *p != ':')
    return FALSE;
  colon = p;
  p++;
  if (p < line + len && *p != ' ' && *p != '\t')
    return FALSE;

  if (is_colon_stopword (name, name_end - name))
    return FALSE;
  first_space = memchr (name, ' ', name_end - name);
  if (first_space != NULL && is_colon_stopword (name, first_space - name))
    return FALSE;

  p = skip_blanks (p, line + len);

  if (match != NULL)
    {
      match->name_start = name - line;
      match->name_len = name_end - name;
      match->label_len = colon - line;
      match->text_start = p - line;
      match->timestamp_ms = ms;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writer                                                                    */

typedef struct
{
  guint start;
  guint end;
  int   number;
} DeferredRef;

struct _SpImportWriter
{
  SpDocumentContent *content;
  int                n_paragraphs;
  int                join_segment;   /* PARAGRAPH the next paragraph may join */
  int                last_group;     /* list of the last item, -1 */
  gboolean           last_was_item;
  int                turn_segment;   /* the open TURN, -1 */
  int                page;           /* 0: no pages */
  gint64             page_start;     /* -1 until the page has body text */
  guint              page_end;
  GArray            *refs;           /* DeferredRef, in text order */
  SpImportBuffer     notes;          /* one block per footnote */
};

enum
{
  APPEND_EMPHASIS = 1 << 0,
  APPEND_LINKS    = 1 << 1,
  APPEND_REFS     = 1 << 2,
  APPEND_ALL      = APPEND_EMPHASIS | APPEND_LINKS | APPEND_REFS,
};

SpImportWriter *
sp_import_writer_new (SpDocumentKind kind)
{
  SpImportWriter *self = g_new0 (SpImportWriter, 1);

  self->content = sp_document_content_new (kind);
  self->join_segment = -1;
  self->last_group = -1;
  self->turn_segment = -1;
  self->page_start = -1;
  self->refs = g_array_new (FALSE, FALSE, sizeof (DeferredRef));
  sp_import_buffer_init (&self->notes);

  return self;
}

void
sp_import_writer_free (SpImportWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->content, sp_document_content_free);
  g_clear_pointer (&self->refs, g_array_unref);
  sp_import_buffer_clear (&self->notes);
  g_free (self);
}

SpDocumentContent *
sp_import_writer_get_content (SpImportWriter *self)
{
  return self->content;
}

static void
note_body (SpImportWriter *self,
           guint           start,
           guint           end)
{
  if (self->page <= 0 || end <= start)
    return;
  if (self->page_start < 0)
    self->page_start = start;
  self->page_end = end;
}

guint
sp_import_writer_begin_block (SpImportWriter *self)
{
  if (self->content->text->len > 0)
    sp_document_content_append (self->content, "\n\n", 2);
  self->last_was_item = FALSE;
  return self->content->n_chars;
}

guint
sp_import_writer_append (SpImportWriter *self,
                         const char     *text,
                         gssize          len)
{
  return sp_document_content_append (self->content, text, len);
}

void
sp_import_writer_end_block (SpImportWriter *self,
                            guint           start)
{
  note_body (self, start, self->content->n_chars);
  self->join_segment = -1;
  self->last_was_item = FALSE;
}

typedef struct
{
  gsize  byte;
  guint *out;
} Boundary;

/* Code points in @len bytes of valid UTF-8: count the bytes that do not
 * continue a character. Much faster than g_utf8_strlen() on long text. */
static guint
count_chars (const char *text,
             gsize       len)
{
  const guchar *p = (const guchar *) text;
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += (p[i] & 0xC0) != 0x80;

  return n;
}

static int
boundary_compare (const void *a,
                  const void *b)
{
  const Boundary *ba = a;
  const Boundary *bb = b;

  if (ba->byte != bb->byte)
    return ba->byte < bb->byte ? -1 : 1;
  return 0;
}

/* Appends the block's text and its spans, converted from bytes to code
 * points with one sorted walk (not one strlen per span: a 1 MB line with
 * thousands of links must stay linear). Returns where the text starts. */
static guint
append_block (SpImportWriter *self,
              SpImportBuffer *buffer,
              SpImportBlock  *block,
              guint           flags)
{
  const char *text = buffer->text->str + block->start;
  guint base;
  g_autofree Boundary *boundaries = NULL;
  g_autofree guint *offsets = NULL;
  guint n = 0;

  base = sp_document_content_append (self->content, text, block->len);
  if (block->n_spans == 0)
    return base;

  boundaries = g_new (Boundary, 2 * block->n_spans);
  offsets = g_new0 (guint, 2 * block->n_spans);
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (buffer, block->span_first + i);
      gsize start = CLAMP (span->start, block->start, block->start + block->len) - block->start;
      gsize end = CLAMP (span->end, block->start, block->start + block->len) - block->start;

      boundaries[n].byte = start;
      boundaries[n++].out = &offsets[2 * i];
      boundaries[n].byte = MAX (start, end);
      boundaries[n++].out = &offsets[2 * i + 1];
    }
  qsort (boundaries, n, sizeof (Boundary), boundary_compare);

  {
    gsize pos = 0;
    guint chars = 0;

    for (guint i = 0; i < n; i++)
      {
        if (boundaries[i].byte > pos)
          {
            chars += count_chars (text + pos, boundaries[i].byte - pos);
            pos = boundaries[i].byte;
          }
        *boundaries[i].out = base + chars;
      }
  }

  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (buffer, block->span_first + i);
      guint start = offsets[2 * i];
      guint end = offsets[2 * i + 1];
      int index;

      if (end <= start)
        continue;

      switch (span->kind)
        {
        case SP_SEGMENT_EMPHASIS:
          if ((flags & APPEND_EMPHASIS) == 0)
            break;
          index = sp_document_content_add_segment (self->content, SP_SEGMENT_EMPHASIS, start, end);
          sp_document_content_get_segment (self->content, index)->level = span->level;
          break;

        case SP_SEGMENT_LINK:
          if ((flags & APPEND_LINKS) == 0 || span->href == NULL || span->href[0] == '\0')
            break;
          index = sp_document_content_add_segment (self->content, SP_SEGMENT_LINK, start, end);
          sp_document_content_get_segment (self->content, index)->href = g_strdup (span->href);
          break;

        case SP_SEGMENT_FOOTNOTE_REF:
          if ((flags & APPEND_REFS) != 0 && span->number > 0)
            {
              DeferredRef ref = { start, end, span->number };

              g_array_append_val (self->refs, ref);
            }
          break;

        default:
          break;
        }
    }

  return base;
}

void
sp_import_writer_heading (SpImportWriter *self,
                          SpImportBuffer *buffer,
                          SpImportBlock  *block,
                          int             level)
{
  guint start;
  int index;

  if (block->len == 0)
    return;

  start = sp_import_writer_begin_block (self);
  /* A heading is styled as a whole; italics or bold around it are noise. */
  append_block (self, buffer, block, APPEND_LINKS | APPEND_REFS);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_HEADING,
                                           start, self->content->n_chars);
  sp_document_content_get_segment (self->content, index)->level = CLAMP (level, 1, 6);
  sp_import_writer_end_block (self, start);
}

static gboolean
is_closing_char (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
         c == 0x2019 || c == 0x00BB || c == 0x203A || c == '*' || c == '_';
}

static gboolean
is_terminal_char (gunichar c)
{
  return c == '.' || c == '?' || c == '!' || c == ':' || c == ';' || c == 0x2026 ||
         c == 0x3002 || c == 0xFF1F || c == 0xFF01;
}

/* Whether the text emitted so far ends a sentence: ". ? ! : ;", possibly
 * followed by closing quotes, brackets or footnote references. */
static gboolean
text_ends_sentence (GString *text)
{
  const char *start = text->str;
  const char *p = text->str + text->len;

  while (p > start)
    {
      const char *prev = g_utf8_find_prev_char (start, p);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char (prev);
      if (g_unichar_isspace (c) || is_closing_char (c) || sp_import_superscript_digit (c) >= 0)
        {
          p = prev;
          continue;
        }
      return is_terminal_char (c);
    }

  return TRUE;
}

/* A suspended hyphen ("consensus- and merit-based") keeps its space; a word
 * broken at a line end ("multi-" + "stakeholder") does not get one. */
static gboolean
needs_join_space (GString    *text,
                  const char *next,
                  gsize       next_len)
{
  static const char * const words[] = { "and ", "or ", "to ", "nor ", "und ", "et ", "ou " };
  const char *prev;

  if (text->len < 2 || text->str[text->len - 1] != '-')
    return TRUE;
  prev = g_utf8_find_prev_char (text->str, text->str + text->len - 1);
  if (prev == NULL || !g_unichar_isalpha (g_utf8_get_char (prev)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (next_len >= strlen (words[i]) && strncmp (next, words[i], strlen (words[i])) == 0)
      return TRUE;

  return FALSE;
}

gboolean
sp_import_writer_would_join (SpImportWriter *self,
                             SpImportBuffer *buffer,
                             SpImportBlock  *block)
{
  gunichar first;

  if (self->join_segment < 0 || block->len == 0 || (block->flags & SP_IMPORT_BLOCK_FLAG_NO_JOIN) != 0)
    return FALSE;

  first = g_utf8_get_char_validated (buffer->text->str + block->start, block->len);
  if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_islower (first))
    return FALSE;

  return !text_ends_sentence (self->content->text);
}

void
sp_import_writer_paragraph (SpImportWriter *self,
                            SpImportBuffer *buffer,
                            SpImportBlock  *block)
{
  guint start;
  int index;

  if (block->len == 0)
    return;

  if (sp_import_writer_would_join (self, buffer, block))
    {
      SpSegment *segment;

      if (needs_join_space (self->content->text, buffer->text->str + block->start, block->len))
        sp_document_content_append (self->content, " ", 1);
      start = append_block (self, buffer, block, APPEND_ALL);
      segment = sp_document_content_get_segment (self->content, self->join_segment);
      segment->end = self->content->n_chars;
      note_body (self, start, self->content->n_chars);
      return;
    }

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_ALL);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_PARAGRAPH,
                                           start, self->content->n_chars);
  sp_document_content_get_segment (self->content, index)->number = ++self->n_paragraphs;
  note_body (self, start, self->content->n_chars);
  self->join_segment = (block->flags & SP_IMPORT_BLOCK_FLAG_NO_JOIN) != 0 ? -1 : index;
}

void
sp_import_writer_list_item (SpImportWriter *self,
                            SpImportBuffer *buffer,
                            SpImportBlock  *block)
{
  SpSegment *segment;
  guint start;
  int index;

  if (block->len == 0)
    return;

  if (self->last_was_item && block->group == self->last_group)
    start = sp_document_content_append (self->content, "\n", 1) + 1;
  else
    start = sp_import_writer_begin_block (self);

  append_block (self, buffer, block, APPEND_ALL);
  index = sp_document_content_add_segment (self->content, SP_SEGMENT_LIST_ITEM,
                                           start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, index);
  segment->number = ++self->n_paragraphs;
  segment->level = block->level;
  sp_import_writer_end_block (self, start);
  self->last_was_item = TRUE;
  self->last_group = block->group;
}

void
sp_import_writer_table (SpImportWriter *self,
                        SpImportBuffer *buffer,
                        SpImportBlock  *block)
{
  guint start;

  if (block->len == 0)
    return;

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_ALL);
  sp_document_content_add_segment (self->content, SP_SEGMENT_TABLE, start, self->content->n_chars);
  sp_import_writer_end_block (self, start);
}

void
sp_import_writer_end_turn (SpImportWriter *self)
{
  if (self->turn_segment < 0)
    return;

  sp_document_content_get_segment (self->content, self->turn_segment)->end = self->content->n_chars;
  self->turn_segment = -1;
}

void
sp_import_writer_speaker (SpImportWriter *self,
                          SpImportBuffer *buffer,
                          SpImportBlock  *block,
                          const char     *speaker,
                          gint64          timestamp_ms)
{
  SpSegment *segment;
  guint start;
  int turn;
  int label;

  sp_import_writer_end_turn (self);

  start = sp_import_writer_begin_block (self);
  append_block (self, buffer, block, APPEND_LINKS | APPEND_REFS);

  turn = sp_document_content_add_segment (self->content, SP_SEGMENT_TURN, start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, turn);
  segment->speaker = g_strdup (speaker);
  segment->timestamp_ms = timestamp_ms;

  label = sp_document_content_add_segment (self->content, SP_SEGMENT_SPEAKER, start, self->content->n_chars);
  segment = sp_document_content_get_segment (self->content, label);
  segment->speaker = g_strdup (speaker);
  segment->timestamp_ms = timestamp_ms;

  sp_import_writer_end_block (self, start);
  self->turn_segment = turn;
}

static void
copy_links (SpImportBuffer *to,
            SpImportBuffer *from,
            SpImportBlock  *block,
            gsize           to_offset)
{
  for (guint i = 0; i < block->n_spans; i++)
    {
      SpImportSpan *span = sp_import_buffer_get_span (from, block->span_first + i);

      if (span->kind == SP_SEGMENT_LINK && span->end > span->start &&
          span->start >= block->start && span->end <= block->start + block->len)
        sp_import_buffer_add_span (to, SP_SEGMENT_LINK,
                                   to_offset + (span->start - block->start),
                                   to_offset + (span->end - block->start),
                                   0, 0, span->href);
    }
}

void
sp_import_writer_footnote (SpImportWriter *self,
                           int             number,
                           SpImportBuffer *buffer,
                           SpImportBlock  *block)
{
  SpImportBlock *note;
  gsize offset;

  note = sp_import_buffer_begin_block (&self->notes, SP_IMPORT_BLOCK_PARAGRAPH);
  note->number = number;
  offset = self->notes.text->len;
  g_string_append_len (self->notes.text, buffer->text->str + block->start, block->len);
  copy_links (&self->notes, buffer, block, offset);
  sp_import_buffer_end_block (&self->notes);
}

gboolean
sp_import_writer_footnote_continue (SpImportWriter *self,
                                    SpImportBuffer *buffer,
                                    SpImportBlock  *block)
{
  gsize offset;

  if (self->notes.blocks->len == 0)
    return FALSE;
  if (block->len == 0)
    return TRUE;

  /* The last footnote's text is at the end of the notes buffer, so the
   * continuation can simply be appended to it. */
  g_string_append_c (self->notes.text, '\n');
  offset = self->notes.text->len;
  g_string_append_len (self->notes.text, buffer->text->str + block->start, block->len);
  copy_links (&self->notes, buffer, block, offset);
  sp_import_buffer_end_block (&self->notes);

  return TRUE;
}

gboolean
sp_import_writer_has_footnotes (SpImportWriter *self)
{
  return self->notes.blocks->len > 0;
}

void
sp_import_writer_break_join (SpImportWriter *self)
{
  self->join_segment = -1;
}

void
sp_import_writer_set_page (SpImportWriter *self,
                           int             page)
{
  if (page == self->page)
    return;

  if (self->page > 0 && self->page_start >= 0 && self->page_end > (guint) self->page_start)
    {
      int index = sp_document_content_add_segment (self->content, SP_SEGMENT_PAGE,
                                                   (guint) self->page_start, self->page_end);

      sp_document_content_get_segment (self->content, index)->number = self->page;
    }

  self->page = page;
  self->page_start = -1;
}

int
sp_import_writer_get_page (SpImportWriter *self)
{
  return self->page;
}

static int
note_order_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SpImportBuffer *notes = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  int na = g_array_index (notes->blocks, SpImportBlock, ia).number;
  int nb = g_array_index (notes->blocks, SpImportBlock, ib).number;

  if (na != nb)
    return na < nb ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

SpDocumentContent *
sp_import_writer_finish (SpImportWriter *self)
{
  g_autoptr(GHashTable) by_number = g_hash_table_new (NULL, NULL);

  sp_import_writer_end_turn (self);
  sp_import_writer_set_page (self, 0);

  if (self->notes.blocks->len > 0)
    {
      g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->notes.blocks->len);
      g_autoptr(GString) number = g_string_new (NULL);
      guint notes_start;
      int index;

      for (guint i = 0; i < self->notes.blocks->len; i++)
        g_array_append_val (order, i);
      g_array_sort_with_data (order, note_order_compare, &self->notes);

      notes_start = sp_import_writer_begin_block (self);
      /* Part of the document text, so not translated: the same file must
       * import to the same text (and anchors) in every locale. */
      sp_document_content_append (self->content, "Notes", -1);
      index = sp_document_content_add_segment (self->content, SP_SEGMENT_HEADING,
                                               notes_start, self->content->n_chars);
      sp_document_content_get_segment (self->content, index)->level = 2;

      for (guint i = 0; i < order->len; i++)
        {
          SpImportBlock *note = &g_array_index (self->notes.blocks, SpImportBlock,
                                                g_array_index (order, guint, i));
          guint start = sp_import_writer_begin_block (self);

          g_string_truncate (number, 0);
          sp_import_append_superscript (number, note->number);
          if (note->len > 0)
            g_string_append_c (number, ' ');
          sp_document_content_append (self->content, number->str, number->len);
          append_block (self, &self->notes, note, APPEND_LINKS);

          index = sp_document_content_add_segment (self->content, SP_SEGMENT_FOOTNOTE,
                                                   start, self->content->n_chars);
          sp_document_content_get_segment (self->content, index)->number = note->number;
          if (!g_hash_table_contains (by_number, GINT_TO_POINTER (note->number)))
            g_hash_table_insert (by_number, GINT_TO_POINTER (note->number), GINT_TO_POINTER (index));
        }

      sp_document_content_add_segment (self->content, SP_SEGMENT_NOTES, notes_start, self->content->n_chars);
    }

  /* References are added last, when it is known which footnotes exist: a
   * superscript with no footnote text ("m²", or a lost note) stays plain text. */
  for (guint i = 0; i < self->refs->len; i++)
    {
      const DeferredRef *ref = &g_array_index (self->refs, DeferredRef, i);
      gpointer value;
      SpSegment *footnote;
      int note_index;
      int index;

      if (!g_hash_table_lookup_extended (by_number, GINT_TO_POINTER (ref->number), NULL, &value))
        continue;
      note_index = GPOINTER_TO_INT (value);

      index = sp_document_content_add_segment (self->content, SP_SEGMENT_FOOTNOTE_REF, ref->start, ref->end);
      sp_document_content_get_segment (self->content, index)->number = ref->number;
      sp_document_content_get_segment (self->content, index)->target = note_index;

      footnote = sp_document_content_get_segment (self->content, note_index);
      if (footnote->target < 0)
        footnote->target = index;
    }

  return g_steal_pointer (&self->content);
}

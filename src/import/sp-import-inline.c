/* sp-import-inline.c: inline markup inside a block. Turns HTML tags and
 * *emphasis* into spans, superscript digits and <sup> numbers into footnote
 * references, and bare URLs into links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-import-inline.h"
#include "sp-import-util-private.h"

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

  if (_sp_import_has_prefix_ci (p, end, "https://"))
    body = p + 8;
  else if (_sp_import_has_prefix_ci (p, end, "http://"))
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
      if (i > block->start && !_sp_import_is_ascii_space (str[i - 1]) &&
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
  return _sp_import_is_ascii_space (line[pos]);
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

/* sp-import-speaker.c: recognising the line that opens a transcript turn,
 * "Name Surname 01:23" or "NAME: text": names, timestamps and the words
 * that look like names but start ordinary "Word: text" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-import-speaker.h"
#include "sp-import-inline.h"

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

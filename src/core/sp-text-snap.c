/* sp-text-snap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-text-snap.h"

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

gboolean
sp_text_snap_to_words (const char *text,
                       gssize      len,
                       gsize      *start,
                       gsize      *end)
{
  const char *text_end;
  const char *from;
  const char *to;
  gsize new_start;
  gsize new_end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (len < 0)
    len = (gssize) strlen (text);
  text_end = text + len;

  if (*start >= *end)
    return FALSE;

  /* Walk to the range once; documents are at most a few MB, and this runs
   * once per user action. */
  from = text;
  for (gsize i = 0; i < *start; i++)
    {
      if (from >= text_end)
        return FALSE;
      from = g_utf8_next_char (from);
    }
  to = from;
  for (gsize i = *start; i < *end; i++)
    {
      if (to >= text_end)
        return FALSE;
      to = g_utf8_next_char (to);
    }
  new_start = *start;
  new_end = *end;

  while (from < to && g_unichar_isspace (g_utf8_get_char (from)))
    {
      from = g_utf8_next_char (from);
      new_start++;
    }
  while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
    {
      to = g_utf8_prev_char (to);
      new_end--;
    }
  if (from == to)
    return FALSE;

  /* Only widen where the range cuts a word: a selection that ends right
   * after a word and before a comma stays where it is. */
  if (is_word_char (from))
    while (from > text && is_word_char (g_utf8_prev_char (from)))
      {
        from = g_utf8_prev_char (from);
        new_start--;
      }
  if (is_word_char (g_utf8_prev_char (to)))
    while (to < text_end && is_word_char (to))
      {
        to = g_utf8_next_char (to);
        new_end++;
      }

  *start = new_start;
  *end = new_end;
  return TRUE;
}

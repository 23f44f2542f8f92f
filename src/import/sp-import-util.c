/* sp-import-util.c: small tests on plain text the importers share: blank
 * lines, footnote continuations that look like references, titles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-import-util.h"
#include "sp-import-util-private.h"

gboolean
sp_import_is_blank (const char *text,
                    gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!_sp_import_is_ascii_space (text[i]))
      return FALSE;
  return TRUE;
}

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

  if (_sp_import_has_prefix_ci (text, text + len, "http") ||
      _sp_import_has_prefix_ci (text, text + len, "[http") ||
      _sp_import_has_prefix_ci (text, text + len, "<http"))
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

      if (_sp_import_is_ascii_space (c))
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

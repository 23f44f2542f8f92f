/* sp-brief-paper.c: A4 or Letter from the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "sp-brief-paper.h"

/* Countries that use US Letter (CLDR's paper size supplement). */
static const char * const letter_countries[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "PA", "PR", "SV", "VE", "BZ", "NI", "DO",
};

SpBriefPaper
sp_brief_paper_for_locale_name (const char *locale)
{
  const char *underscore;
  char country[3] = { 0 };

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL || strlen (underscore) < 3)
    return SP_BRIEF_PAPER_A4;

  country[0] = underscore[1];
  country[1] = underscore[2];
  for (guint i = 0; i < G_N_ELEMENTS (letter_countries); i++)
    if (g_ascii_strcasecmp (country, letter_countries[i]) == 0)
      return SP_BRIEF_PAPER_LETTER;
  return SP_BRIEF_PAPER_A4;
}

SpBriefPaper
sp_brief_paper_from_locale (void)
{
  const char *name;

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  {
    /* glibc answers in millimetres: 216 × 279 is Letter. */
    int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
    int height = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

    if (width == 216 && height == 279)
      return SP_BRIEF_PAPER_LETTER;
    if (width == 210 && height == 297)
      {
        /* The C locale says A4 too; only trust it when LC_PAPER is set to
         * a real locale, else look at the names below. */
        const char *current = setlocale (LC_PAPER, NULL);

        if (current != NULL && strcmp (current, "C") != 0 && strcmp (current, "POSIX") != 0)
          return SP_BRIEF_PAPER_A4;
      }
  }
#endif

  name = g_getenv ("LC_ALL");
  if (name == NULL || *name == '\0')
    name = g_getenv ("LC_PAPER");
  if (name == NULL || *name == '\0')
    name = g_getenv ("LANG");
  return sp_brief_paper_for_locale_name (name);
}

gboolean
sp_brief_paper_from_string (const char   *str,
                            SpBriefPaper *paper)
{
  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "auto") == 0)
    *paper = sp_brief_paper_from_locale ();
  else if (g_ascii_strcasecmp (str, "a4") == 0)
    *paper = SP_BRIEF_PAPER_A4;
  else if (g_ascii_strcasecmp (str, "letter") == 0)
    *paper = SP_BRIEF_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
sp_brief_paper_to_string (SpBriefPaper paper)
{
  return paper == SP_BRIEF_PAPER_LETTER ? "letter" : "a4";
}

void
sp_brief_paper_get_size (SpBriefPaper  paper,
                         double       *width,
                         double       *height)
{
  if (paper == SP_BRIEF_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

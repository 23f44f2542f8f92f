/* sp-brief-paper.h: the paper a brief is laid out on — A4, or US Letter
 * where the locale says so. The core takes the paper as a parameter; the
 * dialog and the command line decide it (the `brief-paper-size` setting:
 * "auto", "a4", "letter").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_BRIEF_PAPER_A4,
  SP_BRIEF_PAPER_LETTER,
} SpBriefPaper;

/* LC_PAPER's size on glibc; else the country of LC_PAPER, LC_ALL or LANG
 * (US, CA, MX, PH, … use Letter); else A4. */
SpBriefPaper sp_brief_paper_from_locale  (void);
/* The paper the country part of a locale name ("en_US.UTF-8") uses. */
SpBriefPaper sp_brief_paper_for_locale_name (const char *locale);
/* "auto" (from the locale), "a4" or "letter", any case. */
gboolean     sp_brief_paper_from_string  (const char   *str,
                                          SpBriefPaper *paper);
const char  *sp_brief_paper_to_string    (SpBriefPaper  paper);
/* In PostScript points (1/72 inch). */
void         sp_brief_paper_get_size     (SpBriefPaper  paper,
                                          double       *width,
                                          double       *height);

G_END_DECLS

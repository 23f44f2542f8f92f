/* sp-import-util-private.h: byte tests used by several sp-import-*.c files.
 *
 * static inline because they run once per byte in the trimming and scanning
 * loops, where a call into another file for each byte would show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
_sp_import_is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline gboolean
_sp_import_has_prefix_ci (const char *p,
                          const char *end,
                          const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

G_END_DECLS

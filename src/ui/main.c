/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  const char *localedir = g_getenv ("STANDPOINT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* STANDPOINT_LOCALEDIR, when set, replaces the installed LOCALEDIR so
   * that an uninstalled build (./run, the tests) finds the .mo files meson
   * compiles into <build>/po: they only reach LOCALEDIR on install. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

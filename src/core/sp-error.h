/* sp-error.h: the error domain of Standpoint's core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_ERROR (sp_error_quark ())

typedef enum
{
  SP_ERROR_NOT_FOUND,        /* no such file, document, stakeholder, … */
  SP_ERROR_EXISTS,           /* creating a project where a file already is */
  SP_ERROR_NOT_SQLITE,       /* the file is not a SQLite database at all */
  SP_ERROR_NOT_PROJECT,      /* a SQLite database, but not a Standpoint project */
  SP_ERROR_TOO_NEW,          /* made by a newer Standpoint with a newer schema */
  SP_ERROR_DAMAGED,          /* SQLite reports corruption */
  SP_ERROR_LOCKED,           /* another process holds the project for writing */
  SP_ERROR_READ_ONLY,        /* a change was asked of a project opened read-only */
  SP_ERROR_DUPLICATE,        /* the same source file is already in the project */
  SP_ERROR_INVALID_DOCUMENT, /* an importer produced something the project cannot store */
  SP_ERROR_INVALID_ARGUMENT, /* a caller passed a value that makes no sense */
  SP_ERROR_DISK_FULL,
  SP_ERROR_IO,
  SP_ERROR_DATABASE,         /* any other SQLite failure */
} SpError;

GQuark sp_error_quark (void);

G_END_DECLS

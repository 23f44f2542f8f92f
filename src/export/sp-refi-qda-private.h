/* sp-refi-qda-private.h: what the REFI-QDA export and import share.
 *
 * Mapping (REFI-QDA 1.5, Project.xsd and Codebook.xsd of QDA-XML 1.0):
 *   theme        → Code (nested for the hierarchy, isCodable="true",
 *                  color "#rrggbb", <Description> the theme's description);
 *                  in a .qdpx its statement (the position stances refer
 *                  to) is a Note named "Standpoint statement: <theme>"
 *                  with a NoteRef from the Code
 *   stakeholder  → Case, with a SelectionRef to each of their passages,
 *                  <Description> their notes, and a VariableValue of the
 *                  Text variables Organisation, Role, Sector and Region
 *   document     → TextSource, text in sources/<GUID>.txt,
 *                  plainTextPath="internal://<GUID>.txt"
 *   annotation   → PlainTextSelection with one Coding per theme; positions
 *                  are code points from 0 and the span is half-open
 *                  (endPosition is the index after the last character), as
 *                  Standpoint stores it and as qc writes it
 *   memo         → Note (PlainTextContent), NoteRef from the selection
 *   author       → User, creatingUser of the selection
 *   stance       → REFI-QDA has no element for it and it belongs to one
 *                  passage, not to the case, so it is the selection's
 *                  <Description> line "Standpoint stance: <stance>"; other
 *                  tools show it as the selection's description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_REFI_PROJECT_NS   "urn:QDA-XML:project:1.0"
#define SP_REFI_CODEBOOK_NS  "urn:QDA-XML:codebook:1.0"
#define SP_REFI_STANCE_LINE  "Standpoint stance: "
#define SP_REFI_STATEMENT_NOTE "Standpoint statement: "
/* The stakeholder fields exported as case variables, in this order. */
#define SP_REFI_N_CASE_VARIABLES 4
extern const char * const sp_refi_case_variables[SP_REFI_N_CASE_VARIABLES];

#define SP_REFI_ORIGIN       "Standpoint " PACKAGE_VERSION

G_END_DECLS

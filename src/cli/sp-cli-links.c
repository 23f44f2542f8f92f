/* SCAFFOLD, to be implemented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-cli.h"

int sp_cli_links (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }
int sp_cli_link (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }
int sp_cli_attributions (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }

/* SCAFFOLD, to be implemented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-cli.h"

int sp_cli_matrix (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }
int sp_cli_agreement (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }
int sp_cli_compare (int argc, char **argv) { return SP_CLI_EXIT_FAILED; }

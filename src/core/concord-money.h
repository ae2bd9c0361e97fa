/* concord-money.h — amounts of money: integer fen, parsed from what people
 * type and shown the way Chinese documents show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount Concord handles: 999,999,999,999.99 yuan. */
#define CONCORD_MONEY_MAX_FEN G_GINT64_CONSTANT (99999999999999)

/* Parses an amount in yuan as typed: "130000", "130,000.00", "¥130000",
 * "130000元", "13万", "13.5万元", full-width digits, spaces around. At most
 * two decimals (fen); no negative amounts; at most
 * CONCORD_MONEY_MAX_FEN. Never goes through floating point. On failure
 * CONCORD_ERROR_INVALID with a message for the person who typed it. */
gboolean concord_money_parse (const char *text,
                              gint64     *fen,
                              GError    **error);

/* "¥130,000.00": the amount in figures with thousands separators. */
char    *concord_money_format (gint64 fen);

/* "壹拾叁万元整": the amount in Chinese capital numerals (大写金额), as
 * banks write amounts on vouchers; exact for every amount from 0 to
 * CONCORD_MONEY_MAX_FEN (see concord-money.c for the rules). Document
 * text: never translated. */
char    *concord_money_capital (gint64 fen);

/* "人民币壹拾叁万元整（¥130,000.00）": both forms, as an agreement
 * writes an amount. */
char    *concord_money_format_both (gint64 fen);

G_END_DECLS

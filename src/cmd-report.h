/* cmd-report.h - `redflags report`: a class's anonymous results summed up. */
#ifndef RF_CMD_REPORT_H
#define RF_CMD_REPORT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Read every "result-*.txt" in 'dir' (in name order; see results.h) and
 * print, per lesson (in id order): how many finished, the average score,
 * and per question the share right the first time, the most common wrong
 * first answer, the red flags most often missed and the messages flagged
 * by mistake (chats), and the endings reached first (scenarios), where
 * the records hold them.  With class_code, only the records of that class
 * (compared without regard to case) count.  A file that cannot be read or
 * is not a valid record is named in a warning on 'err' and not counted.
 * csv: instead one row per lesson and question (RFC 4180, CRLF, a header
 * row), with the same figures; the text is translated, the CSV is not.
 * Returns the exit status: 0, or 1 when the folder cannot be read or the
 * class code is malformed.
 */
int cmd_report(const char *dir, const char *class_code, bool csv, FILE *out,
    FILE *err);

#endif

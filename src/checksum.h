/* checksum.h - CRC-32 (IEEE 802.3, as zlib) for files written by redflags. */
#ifndef RF_CHECKSUM_H
#define RF_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Update a running CRC-32; start with crc = 0.
 * checksum_crc32(0, "123456789", 9) == 0xCBF43926.
 */
uint32_t checksum_crc32(uint32_t crc, const void *data, size_t len);

#endif

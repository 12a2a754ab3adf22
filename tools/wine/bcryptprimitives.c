/*
 * Stand-in for Windows' bcryptprimitives.dll, for Wine 8 only (make
 * test-windows). Go 1.24 and later draw their random numbers from
 * ProcessPrng, which Wine 8 lacks; this gives it from RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. Never shipped with Logis.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

/** Linux's hicolor theme sizes, written as build/icons/NxN.png. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** What Windows picks from for the taskbar, title bar, Explorer and the installer at any DPI. */
export const WINDOWS_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256] as const;
/** At and below this size the heavier small master is drawn (build/icon-small.svg). */
export const SMALL_MASTER_MAX = 32;

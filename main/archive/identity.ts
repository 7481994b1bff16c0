/** 'CPDK': marks a SQLite file as a Copydesk archive so we never write into someone else's database. */
export const APPLICATION_ID = 0x4350444b;

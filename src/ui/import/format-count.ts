const nf = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => nf.format(n);

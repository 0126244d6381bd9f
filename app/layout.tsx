// The <html> element is rendered by app/[locale]/layout.tsx, which knows the language and direction.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}

import { connection } from "next/server";

// Rendered per request, as the portal's pages are (their CSP nonce rules out cached HTML).
export default async function Home() {
  await connection();
  return (
    <main>
      <h1>Regional consultations</h1>
      <ul>
        {["Bangkok", "Beirut", "Bamako", "Washington DC", "Brussels", "Quito", "Nadi"].map((city) => (
          <li key={city}>{city}</li>
        ))}
      </ul>
    </main>
  );
}

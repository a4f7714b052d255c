/** Seeded, deterministic test data for reception and petitions (development, tests, benchmark). */
export { Random, Weighted } from "./prng.ts";
export { FAMILY_NAME_SHARES, familyName, personName } from "./names.ts";
export { PROVINCES, pickAddress, pickProvince, provinceLabel, type Address, type Province } from "./places.ts";
export { pickMatter, type Matter, type MatterContext } from "./contents.ts";
export {
  generatePetitions,
  PetitionGenerator,
  generateVisits,
  makePerson,
  petitionBodyOf,
  type GeneratedPerson,
  type GeneratedPetition,
  type GeneratedVisit,
  type GenerateOptions,
  type VisitGenerateOptions,
} from "./petitions.ts";

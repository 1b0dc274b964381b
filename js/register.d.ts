// Types of the self-initialising entry: the main module's, already initialised.
export * from "./account_link_consent.js";
export { preloadChallenge } from "./preload.js";

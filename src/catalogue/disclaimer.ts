/** Every crosswalk says this first: none of them is an official mapping. */
export const DISCLAIMER = "OpenAIMS's own reasoned mapping, not an official one";

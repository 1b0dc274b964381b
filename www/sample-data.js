// Sample people and LinkedIn profiles shipped with the demo. Nothing here comes from
// LinkedIn; it is made up so the page has something to show.
export const PEOPLE = [
  {
    id: "adele",
    name: "Adele Vance",
    role: "Retail Manager · Sales",
    email: "adele.vance@contoso.example",
    phone: "+1 425 555 0109",
    linkedin: {
      headline: "Retail operations lead, 12 years in consumer electronics",
      experience: ["Retail Manager, Contoso (2019 – now)", "Store Lead, Fabrikam (2014 – 2019)"],
      education: "BSc Business Administration, University of Washington",
    },
  },
  {
    id: "alex",
    name: "Alex Wilber",
    role: "Marketing Assistant · Marketing",
    email: "alex.wilber@contoso.example",
    phone: "+1 858 555 0110",
    linkedin: {
      headline: "Brand storyteller; previously agency copywriter",
      experience: ["Marketing Assistant, Contoso (2022 – now)", "Copywriter, Northwind Agency (2018 – 2022)"],
      education: "BA Communication, San Diego State University",
    },
  },
  {
    id: "lynne",
    name: "Lynne Robbins",
    role: "Planner · Retail",
    email: "lynne.robbins@contoso.example",
    phone: "+1 206 555 0111",
    linkedin: {
      headline: "Supply and demand planning, lean practitioner",
      experience: ["Planner, Contoso (2020 – now)", "Analyst, Tailspin Toys (2016 – 2020)"],
      education: "MSc Operations Research, Georgia Tech",
    },
  },
];

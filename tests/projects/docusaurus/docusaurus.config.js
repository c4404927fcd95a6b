// Docusaurus settings (not read by salesgen)
module.exports = { title: "Leads" };

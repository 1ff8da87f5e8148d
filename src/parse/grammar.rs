//! The pest grammar: `grammar/common.pest` shared by the target language
//! (`grammar/target.pest`) and the actual-value language (`grammar/actual.pest`).

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/common.pest"]
#[grammar = "../grammar/target.pest"]
#[grammar = "../grammar/actual.pest"]
#[grammar = "../grammar/rules.pest"]
pub struct Grammar;

//! Storage of information disclosure (信息公开): each institution's public page, fees (收费公示, 明白交费卡), the catalogue and requests for disclosure.

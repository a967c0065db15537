"""Text services shared along the flow: the jieba layer with the 政务 dictionary, addressable
text slots (what flags and checks point at), and the report as plain paragraphs."""

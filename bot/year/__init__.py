"""The program's year from the guides (issue 14): expectations set and assessed, reflections and
the Employability Skills Profile, mentor feedback, the participation and credit report, mentor
training and permission forms as real records, and the everyday edits a coordinator makes.
"""

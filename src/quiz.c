/* src/quiz.c */
typedef int rf_placeholder_quiz;

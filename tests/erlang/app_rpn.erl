-module(app_rpn).
-export([main/0]).

%% A reverse Polish notation calculator and an infix-to-RPN converter.
main() ->
    Exprs = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^", "10 3 /", "10 3 div", "1 2 3 4 5 sum",
             "4 sqrt", "2 0.5 *", "1 2", "1 +", "7 0 /", "99 neg 2 *"],
    [erlang:display({E, safe_rpn(E)}) || E <- Exprs],
    Infix = ["3 + 4 * 2", "( 1 + 2 ) * 3", "2 ^ 3 ^ 2", "10 - 4 - 3", "8 / ( 3 - 1 ) + 2 * 5"],
    [erlang:display({I, to_rpn(I), safe_rpn(to_rpn(I))}) || I <- Infix],
    ok.

safe_rpn(S) ->
    try rpn(string:lexemes(S, " "), [])
    catch error:badarith -> {error, arith};
          throw:T -> {error, T}
    end.

rpn([], [X]) -> X;
rpn([], Stack) -> throw({leftover, Stack});
rpn(["+" | T], [B, A | S]) -> rpn(T, [A + B | S]);
rpn(["-" | T], [B, A | S]) -> rpn(T, [A - B | S]);
rpn(["*" | T], [B, A | S]) -> rpn(T, [A * B | S]);
rpn(["/" | T], [B, A | S]) -> rpn(T, [A / B | S]);
rpn(["div" | T], [B, A | S]) -> rpn(T, [A div B | S]);
rpn(["^" | T], [B, A | S]) -> rpn(T, [pow(A, B) | S]);
rpn(["sqrt" | T], [A | S]) -> rpn(T, [math:sqrt(A) | S]);
rpn(["neg" | T], [A | S]) -> rpn(T, [-A | S]);
rpn(["sum" | T], S) -> rpn(T, [lists:sum(S)]);
rpn([Op | _], _) when Op =:= "+"; Op =:= "-"; Op =:= "*"; Op =:= "/" -> throw({underflow, Op});
rpn([N | T], S) -> rpn(T, [num(N) | S]).

num(N) ->
    case string:to_float(N) of
        {F, []} -> F;
        _ -> list_to_integer(N)
    end.

pow(A, B) when is_integer(A), is_integer(B), B >= 0 -> pow_i(A, B);
pow(A, B) -> math:pow(A, B).
pow_i(_, 0) -> 1;
pow_i(A, B) -> A * pow_i(A, B - 1).

%% Shunting-yard.
to_rpn(S) -> lists:flatten(lists:join(" ", shunt(string:lexemes(S, " "), [], []))).


shunt([], [], Out) -> lists:reverse(Out);
shunt([], [Op | Ops], Out) -> shunt([], Ops, [Op | Out]);
shunt(["(" | T], Ops, Out) -> shunt(T, ["(" | Ops], Out);
shunt([")" | T], Ops, Out) ->
    {Popped, ["(" | Rest]} = lists:splitwith(fun(O) -> O =/= "(" end, Ops),
    shunt(T, Rest, lists:reverse(Popped) ++ Out);
shunt([Tok | T], Ops, Out) ->
    case prec(Tok) of
        none -> shunt(T, Ops, [Tok | Out]);
        {P, Assoc} ->
            {Popped, Rest} = lists:splitwith(fun(O) -> pops(O, P, Assoc) end, Ops),
            shunt(T, [Tok | Rest], lists:reverse(Popped) ++ Out)
    end.

pops("(", _, _) -> false;
pops(O, P, left) -> {P2, _} = prec(O), P2 >= P;
pops(O, P, right) -> {P2, _} = prec(O), P2 > P.

prec("+") -> {1, left};
prec("-") -> {1, left};
prec("*") -> {2, left};
prec("/") -> {2, left};
prec("^") -> {3, right};
prec(_) -> none.

-module(app_interp).
-export([main/0]).

%% A tiny interpreter for an expression language with let, lambdas,
%% conditionals and recursion; environments are maps, closures records.
-record(closure, {params, body, env}).
-record(state, {steps = 0, calls = 0}).

main() ->
    Progs = [{num, 42},
             {add, {num, 1}, {mul, {num, 2}, {num, 3}}},
             {'let', x, {num, 5}, {add, {var, x}, {var, x}}},
             {'let', f, {lambda, [a, b], {sub, {var, a}, {var, b}}}, {call, {var, f}, [{num, 10}, {num, 3}]}},
             {'if', {lt, {num, 1}, {num, 2}}, {num, yes_branch}, {num, no_branch}},
             {letrec, fact, {lambda, [n], {'if', {lt, {var, n}, {num, 1}}, {num, 1},
                                            {mul, {var, n}, {call, {var, fact}, [{sub, {var, n}, {num, 1}}]}}}},
              {call, {var, fact}, [{num, 20}]}},
             {letrec, fib, {lambda, [n], {'if', {lt, {var, n}, {num, 2}}, {var, n},
                                           {add, {call, {var, fib}, [{sub, {var, n}, {num, 1}}]},
                                                 {call, {var, fib}, [{sub, {var, n}, {num, 2}}]}}}},
              {call, {var, fib}, [{num, 15}]}},
             {'let', mk, {lambda, [k], {lambda, [x], {add, {var, x}, {var, k}}}},
              {'let', add5, {call, {var, mk}, [{num, 5}]}, {call, {var, add5}, [{num, 100}]}}},
             {var, unbound},
             {call, {num, 3}, []},
             {'let', f, {lambda, [a], {var, a}}, {call, {var, f}, [{num, 1}, {num, 2}]}},
             {list, [{num, 1}, {add, {num, 1}, {num, 1}}, {str, <<"three">>}]}],
    [erlang:display(run(P)) || P <- Progs],
    ok.

run(Prog) ->
    try
        {V, S} = eval(Prog, #{}, #state{}),
        {ok, show(V), S#state.steps, S#state.calls}
    catch throw:Err -> {error, Err}
    end.

show(#closure{params = Ps}) -> {closure, length(Ps)};
show(L) when is_list(L) -> [show(X) || X <- L];
show(V) -> V.

eval(E, Env, S0) ->
    S = S0#state{steps = S0#state.steps + 1},
    case E of
        {num, N} -> {N, S};
        {str, B} -> {B, S};
        {var, X} ->
            case Env of
                #{X := {rec, Name, Fun}} -> {Fun#closure{env = (Fun#closure.env)#{Name => {rec, Name, Fun}}}, S};
                #{X := V} -> {V, S};
                _ -> throw({unbound, X})
            end;
        {add, A, B} -> arith(fun erlang:'+'/2, A, B, Env, S);
        {sub, A, B} -> arith(fun erlang:'-'/2, A, B, Env, S);
        {mul, A, B} -> arith(fun erlang:'*'/2, A, B, Env, S);
        {lt, A, B} -> arith(fun erlang:'<'/2, A, B, Env, S);
        {'if', C, T, F} ->
            case eval(C, Env, S) of
                {true, S1} -> eval(T, Env, S1);
                {false, S1} -> eval(F, Env, S1)
            end;
        {'let', X, V, Body} ->
            {Val, S1} = eval(V, Env, S),
            eval(Body, Env#{X => Val}, S1);
        {letrec, X, {lambda, Ps, B}, Body} ->
            Fun = #closure{params = Ps, body = B, env = Env},
            eval(Body, Env#{X => {rec, X, Fun}}, S);
        {lambda, Ps, B} -> {#closure{params = Ps, body = B, env = Env}, S};
        {call, F, Args} ->
            {Fv, S1} = eval(F, Env, S),
            {ArgVs, S2} = lists:mapfoldl(fun(A, Acc) -> eval(A, Env, Acc) end, S1, Args),
            apply_closure(Fv, ArgVs, S2#state{calls = S2#state.calls + 1});
        {list, Es} -> lists:mapfoldl(fun(X, Acc) -> eval(X, Env, Acc) end, S, Es)
    end.

arith(Op, A, B, Env, S) ->
    {Av, S1} = eval(A, Env, S),
    {Bv, S2} = eval(B, Env, S1),
    {Op(Av, Bv), S2}.

apply_closure(#closure{params = Ps, body = B, env = CEnv}, Args, S) when length(Ps) =:= length(Args) ->
    eval(B, maps:merge(CEnv, maps:from_list(lists:zip(Ps, Args))), S);
apply_closure(#closure{params = Ps}, Args, _) -> throw({arity, length(Ps), length(Args)});
apply_closure(Other, _, _) -> throw({not_callable, Other}).
